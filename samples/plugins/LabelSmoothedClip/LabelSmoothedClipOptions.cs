using System.ComponentModel.DataAnnotations;

namespace ClipHost.Samples.LabelSmoothedClip;

/// <summary>Options, bound from the config's strategy.options and validated before a job starts.</summary>
public sealed class LabelSmoothedClipOptions
{
    /// <summary>Probability mass spread over the other pairs of the batch; 0 is plain CLIP.</summary>
    [Range(0.0, 0.5)]
    public double Smoothing { get; set; } = 0.1;
}
