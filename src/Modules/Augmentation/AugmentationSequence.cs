using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>Applies augmentations one after the other (torchvision's Compose).</summary>
public sealed class AugmentationSequence : IBatchAugmentation
{
    private readonly IBatchAugmentation[] _steps;

    /// <summary>Creates the sequence; no steps is the identity.</summary>
    /// <param name="steps">The augmentations, in order.</param>
    public AugmentationSequence(params IReadOnlyList<IBatchAugmentation> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
        if (_steps.Any(s => s is null))
        {
            throw new ArgumentException("steps must not hold null.", nameof(steps));
        }
    }

    /// <summary>The augmentations, in order.</summary>
    public IReadOnlyList<IBatchAugmentation> Steps => _steps;

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var x = images.clone();
        foreach (var step in _steps)
        {
            // Each step's result lands in this scope, so the intermediate batches are freed when it closes.
            x = step.Apply(x, generator);
        }
        return scope.MoveToOuter(x);
    }
}
