namespace ClipHost.Host.Commands;

/// <summary>
/// Nearest samples of a store to one query, embedded by a run's checkpoint (its latest, or <see cref="Step"/>'s): a
/// caption (<see cref="Text"/>), an encoded image (<see cref="Image"/>: a dropped file) or one of the store's own samples
/// (<see cref="Sample"/>); exactly one. The store's images and captions come from the evaluations' feature cache, so
/// only the first search of a checkpoint over a store encodes it.
/// </summary>
public sealed record SearchRunCommand(string RunId, string Store) : ICommand<RunSearch>
{
    /// <summary>At most this many hits of each kind.</summary>
    public const int MaxK = 100;

    /// <summary>A caption query is at most this long (the tokenizer keeps only its context anyway).</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>"train", "val", "test", or null for the whole store.</summary>
    public string? Split { get; init; }

    public long? Step { get; init; }

    public string? Text { get; init; }

    public byte[]? Image { get; init; }

    public int? Sample { get; init; }

    public int K { get; init; } = 10;
}

/// <summary>
/// What a search found: the store's images nearest the query and its captions nearest the query, best first, over
/// <paramref name="Searched"/> samples; <paramref name="Encoded"/> images were encoded for it (0 once cached).
/// </summary>
public sealed record RunSearch(string RunId, string Checkpoint, string Store, string? Split, string Query, int Searched, int Encoded, IReadOnlyList<SearchHit> Images, IReadOnlyList<SearchHit> Captions);

/// <summary>One hit: the sample, its first caption, its group (an emoji in all its styles is one group) and its cosine similarity.</summary>
public sealed record SearchHit(int Id, string Key, string Caption, string Group, double Score);
