using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>Where a step stands in the run; strategies that change behaviour over the budget (FLIP's unmasked tuning) read it.</summary>
/// <param name="Step">Zero-based optimiser step.</param>
/// <param name="TotalSteps">Steps in the whole run.</param>
/// <param name="Generator">The run's seeded generator for this step's randomness (masks, augmentations).</param>
/// <param name="Training">False during evaluation, where strategies must use the full images.</param>
public sealed record StepContext(long Step, long TotalSteps, Generator Generator, bool Training)
{
    /// <summary>Fraction of the run done, in [0, 1].</summary>
    public double Progress => ProgressAt(Step, TotalSteps);

    /// <summary>Fraction of a run of <paramref name="totalSteps"/> done at <paramref name="step"/>, in [0, 1]; what <see cref="Progress"/> says there.</summary>
    /// <param name="step">Zero-based optimiser step.</param>
    /// <param name="totalSteps">Steps in the whole run.</param>
    /// <returns>The fraction.</returns>
    public static double ProgressAt(long step, long totalSteps) => totalSteps <= 0 ? 1 : Math.Clamp((double)step / totalSteps, 0, 1);
}
