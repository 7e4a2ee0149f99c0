// A self-healing pattern's recipe: the command its fix carries, whether a reviewer approved that exact
// text and whether it runs now, with the reviewer's form. Not streamed: a person who just approved
// (perhaps without JavaScript) must see the result; it is one indexed read.
import { RecipeCard } from "@/components/ui/recipe-card";
import { getDb } from "@/lib/db/client";
import { getRecipes } from "@/lib/queries/fixes/get-recipes";

export async function RecipeSection({ patternId, reviewer }: { patternId: string; reviewer: boolean }) {
  const recipe = (await getRecipes(getDb(), { id: patternId, limit: 1 })).rows[0];
  if (!recipe) {
    return (
      <p className="muted">
        This fix carries no command: a person applies it. A retry that records one (<span className="mono">patterns exec … --fix TEXT --fix-cmd COMMAND</span>) makes it a recipe, which
        runs once a reviewer approves its command.
      </p>
    );
  }
  return <RecipeCard recipe={recipe} reviewer={reviewer} from="pattern" />;
}
