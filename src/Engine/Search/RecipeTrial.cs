namespace ClipHost.Engine.Search;

/// <summary>
/// One point of the space trained at one rung's budget: an ordinary run named &lt;search&gt;-r&lt;rung&gt;-&lt;cell&gt;, and
/// -seed-&lt;k&gt; after it for a finalist's further seeds (<see cref="RecipeSearch.FinalSeeds"/>).
/// </summary>
public sealed record RecipeTrial(string Cell, int Rung, string RunId, string ExperimentJson)
{
    /// <summary>Which of the point's seeds at this rung: 0, the search's seed, unless the last rung trains more.</summary>
    public int SeedIndex { get; init; }

    /// <summary>The point, and its seed when it is not the first: what a table row names.</summary>
    public string Label => LabelOf(Cell, SeedIndex);

    /// <summary>How tables name a point's seed: the point alone for the first, "(seed +k)" after it for the others.</summary>
    public static string LabelOf(string cell, int seedIndex) => seedIndex > 0 ? $"{cell} (seed +{seedIndex})" : cell;
}
