using TorchSharp;
using static TorchSharp.torch;
using RandAugmentStep = ClipHost.Modules.Augmentation.RandAugment;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// A training-time image policy: stored uint8 pixels [B, H, W, 3] in, float32 [B, 3, S, S] in [0, 1] out. The
/// images are first brought to S × S — by a <see cref="RandomResizedCrop"/>, or by a plain resize when there is
/// none — so every later step runs at the output size.
/// </summary>
public sealed class AugmentationPipeline
{
    /// <summary>The rotation range of <see cref="StackedRandAugment"/>'s SimAugment stage, in degrees either way.</summary>
    /// <remarks>
    /// The references name "rotations" without a range. RandAugment before it already rotates by up to 30° at
    /// M = 30; a further ±15° keeps the stack from compounding into frequent near-45° turns that blacken the corners
    /// of small images.
    /// </remarks>
    public const double SimAugmentMaxDegrees = 15;

    private readonly IBatchAugmentation[] _steps;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="size">Output side S, ≥ 1.</param>
    /// <param name="crop">The first step, producing S × S; null to resize the whole image instead.</param>
    /// <param name="steps">What follows, at S × S.</param>
    public AugmentationPipeline(int size, RandomResizedCrop? crop, params IReadOnlyList<IBatchAugmentation> steps)
    {
        Size = Require.AtLeast(size, 1, nameof(size));
        if (crop is not null && crop.Size != size)
        {
            throw new ArgumentException($"the crop makes {crop.Size} px images, the pipeline {size} px.", nameof(crop));
        }
        Crop = crop;
        _steps = [.. steps ?? throw new ArgumentNullException(nameof(steps))];
    }

    /// <summary>Output side S in pixels.</summary>
    public int Size { get; }

    /// <summary>The crop that brings images to S, or null for a plain resize.</summary>
    public RandomResizedCrop? Crop { get; }

    /// <summary>The steps after the crop or resize, in order.</summary>
    public IReadOnlyList<IBatchAugmentation> Steps => _steps;

    /// <summary>Random resized crop (area scale in [minScale, maxScale], ratio in [3/4, 4/3]) with a horizontal flip at p = 0.5.</summary>
    /// <param name="size">Output side.</param>
    /// <param name="minScale">Smallest crop area, as a fraction of the image.</param>
    /// <param name="maxScale">Largest crop area, as a fraction of the image.</param>
    public static AugmentationPipeline CropFlip(int size, double minScale = 0.5, double maxScale = 1.0) =>
        new(size, new RandomResizedCrop(size, minScale, maxScale, flipProbability: 0.5));

    /// <summary><see cref="CropFlip"/>, then <see cref="RandAugmentStep"/>(N, M).</summary>
    /// <param name="size">Output side.</param>
    /// <param name="n">RandAugment's ops per sample.</param>
    /// <param name="m">RandAugment's magnitude, 0–30.</param>
    /// <param name="minScale">Smallest crop area, as a fraction of the image.</param>
    /// <param name="maxScale">Largest crop area, as a fraction of the image.</param>
    public static AugmentationPipeline RandAugment(int size, int n, int m, double minScale, double maxScale) =>
        new(size, new RandomResizedCrop(size, minScale, maxScale, flipProbability: 0.5), new RandAugmentStep(n, m));

    /// <summary>
    /// Stacked RandAugment (Tian et al. 2020; Khosla et al. 2020, suppl. §14.2): <see cref="CropFlip"/>,
    /// RandAugment(N, M), then SimAugment's rotation (±<see cref="SimAugmentMaxDegrees"/>°), colour jitter
    /// (0.4, 0.4, 0.4, 0.1) at p = 0.8, grayscale at p = 0.2 and Gaussian blur σ ∈ [0.1, 2] at p = 0.5.
    /// </summary>
    /// <remarks>SimAugment's random flip is the crop's; a second flip would only change its probability.</remarks>
    /// <param name="size">Output side.</param>
    /// <param name="n">RandAugment's ops per sample.</param>
    /// <param name="m">RandAugment's magnitude, 0–30.</param>
    /// <param name="minScale">Smallest crop area, as a fraction of the image.</param>
    /// <param name="maxScale">Largest crop area, as a fraction of the image.</param>
    public static AugmentationPipeline StackedRandAugment(int size, int n, int m, double minScale, double maxScale) =>
        new(size, new RandomResizedCrop(size, minScale, maxScale, flipProbability: 0.5),
            new RandAugmentStep(n, m),
            new RandomRotation(SimAugmentMaxDegrees),
            new ColorJitter(0.4, 0.4, 0.4, 0.1, probability: 0.8),
            new RandomGrayscale(0.2),
            new GaussianBlur(0.1, 2.0, 0.5));

    /// <summary>
    /// SimCLR's views, as SLIP uses them: random resized crop with scale (0.08, 1) and a horizontal flip, colour
    /// jitter (0.4, 0.4, 0.4, 0.1) at p = 0.8, grayscale at p = 0.2, Gaussian blur σ ∈ [0.1, 2] at p = 0.5.
    /// </summary>
    /// <param name="size">Output side.</param>
    public static AugmentationPipeline SimClr(int size) =>
        new(size, new RandomResizedCrop(size, 0.08, 1.0, flipProbability: 0.5),
            new ColorJitter(0.4, 0.4, 0.4, 0.1, probability: 0.8),
            new RandomGrayscale(0.2),
            new GaussianBlur(0.1, 2.0, 0.5));

    /// <summary>No augmentation: area averaging when shrinking, bilinear when enlarging (as the engine's batcher).</summary>
    /// <param name="size">Output side.</param>
    public static AugmentationPipeline Resize(int size) => new(size, null);

    /// <summary>Augments a batch of stored pixels into a new tensor; <paramref name="raw"/> is left alone.</summary>
    /// <param name="raw">uint8 [B, H, W, 3], channels last, any H and W.</param>
    /// <param name="generator">The source of every random draw; it must live on <paramref name="raw"/>'s device.</param>
    /// <returns>float32 [B, 3, <see cref="Size"/>, <see cref="Size"/>] in [0, 1], on <paramref name="raw"/>'s device.</returns>
    public Tensor Apply(Tensor raw, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.dtype != ScalarType.Byte || raw.dim() != 4 || raw.shape[3] != 3)
        {
            throw new ArgumentException($"expected uint8 [B, H, W, 3] pixels, got {raw.dtype} [{string.Join(", ", raw.shape)}].", nameof(raw));
        }
        using var scope = NewDisposeScope();
        using var byteRange = 255f.ToScalar();
        // Contiguous NCHW once here, so that every op after it reads its planes sequentially.
        var x = raw.permute(0, 3, 1, 2).to_type(ScalarType.Float32).contiguous().div_(byteRange);
        x = Crop is not null ? Crop.Apply(x, generator) : ResizeTo(x, Size);
        foreach (var step in _steps)
        {
            x = step.Apply(x, generator);
        }
        return scope.MoveToOuter(x);
    }

    private static Tensor ResizeTo(Tensor images, int size)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        if (height == size && width == size)
        {
            return images.alias();
        }
        // Area averaging is exact for integer factors when shrinking; bilinear when enlarging.
        return height >= size && width >= size
            ? nn.functional.interpolate(images, [size, size], mode: InterpolationMode.Area)
            : nn.functional.interpolate(images, [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
