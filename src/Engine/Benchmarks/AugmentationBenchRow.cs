namespace ClipHost.Engine.Benchmarks;

/// <summary>One augmentation policy's measured throughput.</summary>
/// <param name="Policy">The policy, as a strategy names it.</param>
/// <param name="ViewsPerPair">Augmented views a training pair needs (SLIP's SimCLR branch: two).</param>
/// <param name="ImagesPerSecond">Views made per second, median over the measured batches.</param>
/// <param name="BatchSeconds">Each measured batch's time.</param>
public sealed record AugmentationBenchRow(string Policy, int ViewsPerPair, double ImagesPerSecond, IReadOnlyList<double> BatchSeconds)
{
    /// <summary>Training pairs per second the policy can feed.</summary>
    public double PairsPerSecond => ImagesPerSecond / ViewsPerPair;
}
