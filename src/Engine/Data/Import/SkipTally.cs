using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Data.Import;

/// <summary>The samples an import skipped: each logged with its reason, counted by kind, the first 10,000 listed.</summary>
internal sealed class SkipTally(ILogger logger)
{
    private const int ListedLimit = 10_000;
    private readonly List<SkippedSample> _listed = [];

    public int Count { get; private set; }

    public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

    public List<SkippedSample> Listed => [.. _listed];

    public void Add(string key, string reason)
    {
        Count++;
        if (_listed.Count < ListedLimit)
        {
            _listed.Add(new SkippedSample(key, reason));
        }
        // The kind is the reason without its particulars: "image is 20990x29700 = ... pixels" counts with its like.
        var kind = reason.Split(" (")[0].Split(':')[0];
        Reasons[kind] = Reasons.GetValueOrDefault(kind) + 1;
        logger.SkippedSample(key, reason);
    }
}
