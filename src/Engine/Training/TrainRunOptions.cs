using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Precision;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>Where a run reads and writes, on which device, and how it treats an earlier run of the same name.</summary>
public sealed record TrainRunOptions
{
    public required DataLayout Layout { get; init; }
    public required Device Device { get; init; }

    /// <summary>Discard an earlier run of the same name instead of resuming it.</summary>
    public bool Fresh { get; init; }

    /// <summary>Stop (with a checkpoint) after this many steps in this invocation, as an interruption would.</summary>
    public long? StopAfterSteps { get; init; }

    /// <summary>
    /// Resolves `training.precision: auto` for a new run (the host measures, e.g. with Benchmarks.PrecisionChooser);
    /// null: auto trains in fp32, the precision every machine has.
    /// </summary>
    public Func<ExperimentConfig, CancellationToken, PrecisionChoice>? ChoosePrecision { get; init; }
}
