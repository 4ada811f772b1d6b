using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>A built strategy: turns a batch into a loss. One instance per run; disposed with the run.</summary>
public interface ITrainingStrategy : IDisposable
{
    /// <summary>
    /// Modules the strategy adds to the model (SLIP's projection head), trained with it and saved in its
    /// checkpoints under this module's name; null when the strategy adds none.
    /// </summary>
    nn.Module? ExtraModule { get; }

    /// <summary>Runs the forward passes and returns the loss; called inside the engine's dispose scope.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="model">The model.</param>
    /// <param name="context">Step position and the seeded generator.</param>
    /// <returns>The loss, its parts, and the image passes made.</returns>
    StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context);

    /// <summary>
    /// The image passes <see cref="ComputeLoss"/> will make at a training step, without making them, so that the engine
    /// can price a run before it starts: a budget in GFLOPs sets the number of steps, and the learning-rate schedule needs
    /// that number first. It must equal the passes <see cref="ComputeLoss"/> reports for the same step.
    /// </summary>
    /// <param name="images">Pairs in the batch.</param>
    /// <param name="stepIndex">Zero-based optimiser step.</param>
    /// <param name="totalSteps">Steps in the whole run.</param>
    /// <returns>The passes; null when the strategy does not say, and the engine then assumes one full projected view per pair.</returns>
    IReadOnlyList<ImagePass>? PlanPasses(int images, long stepIndex, long totalSteps) => null;
}
