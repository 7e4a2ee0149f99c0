// Where a recipe form sends the browser back to: the recipe on the Fixes page, or the self-healing
// pattern's page it was decided on, with a notice on success or the refusal's text (rendered as text).
import { patternPagePath } from "../patterns/pattern-page-href";
import { errorHref, noticeHref, type NoticeKind } from "../notice";

export interface RecipeOrigin {
  /** "pattern" when posted from a self-heal pattern's page (patternId says which), else the Fixes page. */
  from: string | undefined;
  patternId: string | undefined;
}

function pathOf(origin: RecipeOrigin): { path: string; anchor: string } {
  const id = origin.patternId?.trim();
  if (origin.from === "pattern" && id && id.length <= 200) return { path: patternPagePath(id), anchor: "recipe" };
  return { path: "/fixes", anchor: "recipes" };
}

export function recipeNoticeHref(origin: RecipeOrigin, kind: NoticeKind, subject: string): string {
  const { path, anchor } = pathOf(origin);
  return `${noticeHref(path, kind, subject)}#${anchor}`;
}

export function recipeErrorHref(origin: RecipeOrigin, message: string): string {
  const { path, anchor } = pathOf(origin);
  return errorHref(path, message, {}, anchor);
}
