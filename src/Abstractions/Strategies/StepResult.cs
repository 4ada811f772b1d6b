using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>What a strategy's step returns: the loss to back-propagate, its parts for logging, and the compute used.</summary>
/// <param name="Loss">The scalar loss (fp32) with its graph.</param>
/// <param name="Components">Named parts of the loss for logs (e.g. "clip", "ssl"), already read as numbers.</param>
/// <param name="ImagePasses">Every image-encoder pass the step made; text passes are one per pair.</param>
public sealed record StepResult(Tensor Loss, IReadOnlyDictionary<string, double> Components, IReadOnlyList<ImagePass> ImagePasses);
