using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Training;

/// <summary>Source-generated log messages of training.</summary>
internal static partial class TrainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: {Samples} training pairs; budget {BudgetKind} {Budget:G6} = {Steps} steps of {Batch}, {StepGflops:F3} training GFLOPs/step; image tower {ImageGflops:F3} GFLOPs/pair, text tower {TextGflops:F3} GFLOPs/pair")]
    public static partial void Starting(this ILogger logger, string run, int samples, string budgetKind, double budget, long steps, int batch, double stepGflops, double imageGflops, double textGflops);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: strategy {Strategy} does not plan its image passes; its steps are priced as one full view per pair")]
    public static partial void AssumedPasses(this ILogger logger, string run, string strategy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Run}: keeps the {Steps} steps it started with; its GFLOPs budget would now come to {Priced} (the model's cost is counted differently since)")]
    public static partial void KeptSteps(this ILogger logger, string run, long steps, long priced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: resuming from step {Step} of {Steps} ({Checkpoint})")]
    public static partial void Resuming(this ILogger logger, string run, long step, long steps, string checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: already complete at step {Step}")]
    public static partial void AlreadyComplete(this ILogger logger, string run, long step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: checkpoint at step {Step}: {Path}")]
    public static partial void Checkpointed(this ILogger logger, string run, long step, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Run}: at step {Step} of {Steps} the loss {Loss:F3} still sits at chance (ln batch = {Chance:F3}); the run is not learning yet: check the learning rate, the captions and the data")]
    public static partial void AtChance(this ILogger logger, string run, long step, long steps, double loss, double chance);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: trains in {Precision} ({Reason})")]
    public static partial void PrecisionChosen(this ILogger logger, string run, string precision, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {Run}: waited for data {Share:P1} of its step time ({Seconds:F1} s of {Wall:F1} s)")]
    public static partial void DataWait(this ILogger logger, string run, double share, double seconds, double wall);
}
