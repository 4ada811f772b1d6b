namespace ClipHost.Host.Search;

/// <summary>
/// A search the service runs, as <see cref="RecipeSearchStore"/> keeps it: the search in its self-contained form (base
/// inline, budget set), who sent it, the job that advances it next, and how it ended.
/// </summary>
public sealed record RecipeSearchRecord(string Name, string Source, DateTimeOffset SubmittedAt, string SearchJson)
{
    /// <summary>The scheduled job that advances the search next; a restart that forgot it schedules another.</summary>
    public string? AdvanceJobId { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why the search cannot go on (every trial of a rung failed), when it cannot.</summary>
    public string? Stalled { get; init; }
}
