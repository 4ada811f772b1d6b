using ClipHost.Abstractions.DataFilters;

namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>
/// Keeps pairs whose source image (<see cref="SampleRecord.Width"/> x <see cref="SampleRecord.Height"/>, as decoded
/// before the store resized it) meets every bound; scores the shorter side.
/// </summary>
public sealed class ImageSizeFilter(ImageSizeOptions options) : IDataFilter
{
    public FilterResult Apply(IDatasetView dataset, IReadOnlyList<int> candidates, FilterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        var kept = new List<int>();
        var scores = new Dictionary<int, float>(candidates.Count);
        var reasons = new Dictionary<int, string>();
        foreach (var id in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sample = dataset.GetSample(id);
            var (width, height) = (sample.Width, sample.Height);
            scores[id] = Math.Min(width, height);
            var reason = Reason(width, height);
            if (reason is null)
            {
                kept.Add(id);
            }
            else
            {
                reasons[id] = $"{reason} ({width}x{height})";
            }
        }
        context.Logger.LogImageSize(dataset.Name, kept.Count, candidates.Count);
        return new FilterResult(kept, scores, reasons);
    }

    private string? Reason(int width, int height)
    {
        var (shorter, longer) = (Math.Min(width, height), Math.Max(width, height));
        if (shorter <= 0)
        {
            // A source that recorded no size cannot be shown to meet any bound.
            return "source size unknown";
        }
        var aspect = (double)longer / shorter;
        return width < options.MinWidth ? $"width {width} < minWidth {options.MinWidth}"
            : height < options.MinHeight ? $"height {height} < minHeight {options.MinHeight}"
            : shorter < options.MinSide ? $"shorter side {shorter} < minSide {options.MinSide}"
            : aspect > options.MaxAspectRatio ? $"aspect ratio {DropReasonText.Share(aspect)} > maxAspectRatio {DropReasonText.Number(options.MaxAspectRatio.Value)}"
            : null;
    }
}
