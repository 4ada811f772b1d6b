namespace ClipHost.Engine.Precision;

/// <summary>
/// What `training.precision: auto` chose and why: the two rates measured side by side (pairs/s on the run's own model
/// and batch, synthetic inputs), or the reason nothing needed measuring. Recorded in the run's compute.json.
/// </summary>
/// <param name="Chosen">fp32 or bf16-mixed, never auto.</param>
/// <param name="Requested">What the config asked for: auto, or the precision it named.</param>
/// <param name="Reason">One sentence a user can read in the log.</param>
/// <param name="Fp32PairsPerSecond">Measured fp32 rate, when measured.</param>
/// <param name="Bf16PairsPerSecond">Measured bf16-mixed rate, when measured (a lower bound when it was stopped early for being slower).</param>
/// <param name="Cpu">The CPU it was measured on (model and the instruction sets that matter).</param>
/// <param name="MeasuredAt">When it was measured (a cached choice keeps its first date).</param>
public sealed record PrecisionChoice(
    Experiments.Precision Chosen,
    Experiments.Precision Requested,
    string Reason,
    double? Fp32PairsPerSecond,
    double? Bf16PairsPerSecond,
    string Cpu,
    DateTimeOffset MeasuredAt)
{
    /// <summary>A precision the config named itself: nothing measured.</summary>
    public static PrecisionChoice Explicit(Experiments.Precision precision, string cpu = "") =>
        new(precision, precision, "named in the config", null, null, cpu, DateTimeOffset.UtcNow);
}
