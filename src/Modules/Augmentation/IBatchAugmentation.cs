using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// One augmentation applied to a whole batch at once, with its random parameters drawn per sample.
/// </summary>
/// <remarks>
/// Images are float32 [B, 3, H, W] in [0, 1]; so are results (an op may change H and W, see
/// <see cref="RandomResizedCrop"/>). Every random number comes from the generator passed in, so one seed gives
/// bit-identical output. Implementations work on the input's device and allocate nothing they do not return.
/// </remarks>
public interface IBatchAugmentation
{
    /// <summary>Augments <paramref name="images"/> into a new tensor; the input is neither modified nor disposed.</summary>
    /// <param name="images">float32 [B, 3, H, W] in [0, 1].</param>
    /// <param name="generator">The source of every random draw; it must live on the images' device.</param>
    Tensor Apply(Tensor images, Generator generator);
}
