using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Tests.Search;

/// <summary>A search parsed from JSON, and replayed to its end with each trial's objective given by a function.</summary>
internal static class SearchReplay
{
    public static (RecipeSearch Search, IReadOnlyList<StudyCell> Points) Parse(string json)
    {
        var (search, errors) = RecipeSearchFile.Parse(json, null, null);
        Assert.Empty(errors);
        return (search!, RecipeSearchPlan.Points(search!).Points);
    }

    /// <summary>Replays, finishing every pending trial with <paramref name="score"/> as its acc1 on "val", until nothing is pending.</summary>
    public static RecipeSearchProgress Run(RecipeSearch search, IReadOnlyList<StudyCell> points, Func<RecipeTrial, double> score)
    {
        var outcomes = new Dictionary<string, RecipeTrialOutcome>();
        while (true)
        {
            var progress = RecipeSearchProgress.Replay(search, points, id => outcomes.GetValueOrDefault(id));
            if (progress.Pending.Count == 0)
            {
                return progress;
            }
            progress.Pending.ToList().ForEach(t => outcomes[t.RunId] = new(true, new Dictionary<string, double> { ["val/zeroshot_classification/acc1"] = score(t) }, 10));
        }
    }
}
