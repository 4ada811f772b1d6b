namespace ClipHost.Reports;

/// <summary>How much a data report shows.</summary>
public sealed record DataReportOptions
{
    public const int DefaultExamples = 24;

    /// <summary>Cards per group: the lowest-scoring kept, the highest-scoring dropped, the most confidently dropped.</summary>
    public int Examples { get; init; } = DefaultExamples;

    /// <summary>Thumbnails are at least this many pixels wide (small store images are scaled up by a whole factor).</summary>
    public int ThumbnailSize { get; init; } = 96;

    /// <summary>Drop reasons shown with examples for filters that do not score.</summary>
    public int TopReasons { get; init; } = 5;

    /// <summary>Words over-represented among dropped captions, per step.</summary>
    public int TopWords { get; init; } = 8;

    /// <summary>Refuses values that cannot make a page, naming the option.</summary>
    public void Validate()
    {
        if (Examples is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Examples), Examples, "examples must be between 1 and 1000");
        }
        if (ThumbnailSize is < 8 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(ThumbnailSize), ThumbnailSize, "thumbnail size must be between 8 and 1024");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(TopReasons);
        ArgumentOutOfRangeException.ThrowIfNegative(TopWords);
    }
}
