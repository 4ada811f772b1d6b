using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>What to evaluate and where: a checkpoint, the evaluations (stores by name in the layout), the output folder.</summary>
/// <param name="Checkpoint">The checkpoint folder.</param>
/// <param name="ModelName">The name results carry (the run's).</param>
/// <param name="Evaluations">The config's evaluations.</param>
/// <param name="Layout">Where the evaluations' stores live.</param>
/// <param name="OutputDirectory">Where the result files go.</param>
/// <param name="Device">The device to evaluate on.</param>
/// <param name="Precision">The numeric precision to evaluate in.</param>
/// <param name="Shifts">Distribution shifts over the evaluations, summarised beside their results.</param>
public sealed record EvaluationRequest(
    string Checkpoint,
    string ModelName,
    IReadOnlyList<EvaluationConfig> Evaluations,
    DataLayout Layout,
    string OutputDirectory,
    Device Device,
    Experiments.Precision Precision,
    IReadOnlyList<ShiftConfig>? Shifts = null)
{
    /// <summary>
    /// Evaluate the checkpoint's architecture initialised from this seed instead of its trained weights (its tokenizer
    /// still reads the class names): the untrained baseline a trained model must beat.
    /// </summary>
    public long? UntrainedSeed { get; init; }
}
