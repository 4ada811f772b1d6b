using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Data.Import;

/// <summary>How an import runs; validated before any work starts.</summary>
public sealed record ImportOptions : IValidatableObject
{
    /// <summary>Directory holding one sub-directory per store.</summary>
    [Required]
    public required string StoresRoot { get; init; }

    /// <summary>Store name (an <see cref="Identifier"/>); defaults to the name the source derives from its file or folder.</summary>
    [Identifier]
    public string? Name { get; init; }

    [Range(8, 1024)]
    public int Resolution { get; init; } = 64;

    public ImageFit? Fit { get; init; }

    public long Seed { get; init; }

    [Range(0.0, 0.9)]
    public double ValFraction { get; init; } = 0.05;

    [Range(0.0, 0.9)]
    public double TestFraction { get; init; } = 0.1;

    /// <summary>Images whose header claims more pixels than this are skipped before any pixel memory is used.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>An image file or tar member larger than this is skipped unread (a tar member by its declared size).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; init; } = 100L << 20;

    /// <summary>A tar shard with more members than this is cut off there, keeping the samples before; bounds the work of a shard of empty members.</summary>
    [Range(1, int.MaxValue)]
    public int MaxShardMembers { get; init; } = 1_000_000;

    /// <summary>A tar shard whose members inflate to more than this is cut off there, keeping the samples before; bounds the time a gzip bomb costs.</summary>
    [Range(1, long.MaxValue)]
    public long MaxShardBytes { get; init; } = 16L << 30;

    /// <summary>Encoded image bytes held between reading and decoding (tar members wait in memory for their chunk).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytesInFlight { get; init; } = 256L << 20;

    /// <summary>Captions longer than this are cut (CLIP reads only the first few dozen tokens anyway).</summary>
    [Range(1, 100_000)]
    public int MaxCaptionChars { get; init; } = 1000;

    /// <summary>Import at most this many candidates (for subsets and tests); null for all.</summary>
    [Range(1, int.MaxValue)]
    public int? Limit { get; init; }

    /// <summary>Replace a store of the same name; otherwise an existing store is refused before any work.</summary>
    public bool Replace { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ValFraction + TestFraction >= 1)
        {
            yield return new ValidationResult("valFraction + testFraction must be below 1", [nameof(ValFraction)]);
        }
    }
}
