using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// RandAugment (Cubuk et al. 2019) as torchvision's RandAugment with 31 magnitude bins: <see cref="N"/> layers,
/// each sample drawing one op per layer uniformly from <see cref="Ops"/>, all at the fixed magnitude <see cref="M"/>
/// of 30; signed ops draw their sign per sample.
/// </summary>
/// <remarks>
/// <para>At magnitude M (μ = M / 30): Rotate ±30μ°, ShearX/Y ±0.3μ, TranslateX/Y ±(150/331)μ of the side,
/// Brightness/Color/Contrast/Sharpness factor 1 ± 0.9μ, Posterize to 8 − round(M / 7.5) bits, Solarize at
/// threshold (1 − μ)·256/255; AutoContrast and Equalize have no magnitude. Geometric ops fill with black.</para>
/// <para>Where the references differ: shears are about the image centre (torchvision and PIL shear about the
/// top-left corner, which also shifts the content by up to 0.3 of the side); translations are continuous, not
/// whole pixels; the solarize threshold is on PIL's 256-level scale, so M = 0 inverts nothing and M = 30
/// everything, where torchvision's float path at M = 0 would still turn pure white black.</para>
/// <para>Batched: per layer and op, the samples that drew the op are gathered, transformed together and written
/// back, so the cost is one pass per op over its share of the batch.</para>
/// </remarks>
public sealed class RandAugment : IBatchAugmentation
{
    /// <summary>The top of the magnitude scale (torchvision's num_magnitude_bins − 1).</summary>
    public const int MaxMagnitude = 30;

    private static readonly RandAugmentOp[] AllOps = Enum.GetValues<RandAugmentOp>();

    private readonly RandAugmentOp[] _ops;

    /// <summary>Creates the op.</summary>
    /// <param name="n">Ops applied in sequence to each sample, ≥ 0.</param>
    /// <param name="m">Magnitude, in [0, 30].</param>
    /// <param name="ops">The ops to draw from (all 14 when null); may repeat an op to weight it.</param>
    public RandAugment(int n, int m, IReadOnlyList<RandAugmentOp>? ops = null)
    {
        N = Require.AtLeast(n, 0, nameof(n));
        M = (int)Require.InRange(m, 0, MaxMagnitude, nameof(m));
        _ops = ops?.ToArray() ?? AllOps;
        if (_ops.Length == 0 || _ops.Any(op => !Enum.IsDefined(op)))
        {
            throw new ArgumentException("ops must hold at least one defined RandAugmentOp.", nameof(ops));
        }
    }

    /// <summary>Ops applied in sequence to each sample.</summary>
    public int N { get; }

    /// <summary>Magnitude on the 0–30 scale.</summary>
    public int M { get; }

    /// <summary>The ops drawn from, uniformly.</summary>
    public IReadOnlyList<RandAugmentOp> Ops => _ops;

    /// <inheritdoc/>
    public Tensor Apply(Tensor images, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (batch, device) = (images.shape[0], images.device);
        var x = images.clone();
        for (var layer = 0; layer < N; layer++)
        {
            using var layerScope = NewDisposeScope();
            var choice = randint(0, _ops.Length, [batch], dtype: ScalarType.Int64, device: device, generator: generator);
            var sign = PerSample.Sign(batch, generator, device);
            for (var k = 0; k < _ops.Length; k++)
            {
                if (_ops[k] == RandAugmentOp.Identity)
                {
                    continue;
                }
                using var opScope = NewDisposeScope();
                using var kScalar = k.ToScalar();
                var picked = choice.eq(kScalar).nonzero().view(-1);
                if (picked.shape[0] == 0)
                {
                    continue;
                }
                x.index_copy_(0, picked, Transform(_ops[k], x.index_select(0, picked), sign.index_select(0, picked)));
            }
        }
        return scope.MoveToOuter(x);
    }

    private Tensor Transform(RandAugmentOp op, Tensor images, Tensor sign)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        var fraction = (double)M / MaxMagnitude;
        using var scope = NewDisposeScope();
        Tensor Signed(double magnitude)
        {
            using var m = magnitude.ToScalar();
            return sign.mul(m);
        }
        Tensor Factor()
        {
            using var one = 1.ToScalar();
            return Signed(0.9 * fraction).add_(one);
        }
        var result = op switch
        {
            RandAugmentOp.AutoContrast => LevelOps.AutoContrast(images),
            RandAugmentOp.Equalize => LevelOps.Equalize(images),
            RandAugmentOp.Rotate => SpatialOps.Warp(images, Affine.Rotation(Signed(30 * fraction), height, width), height, width),
            RandAugmentOp.Solarize => LevelOps.Solarize(images, (1 - fraction) * 256 / 255),
            RandAugmentOp.Color => ColorOps.AdjustSaturation(images, Factor()),
            RandAugmentOp.Posterize => LevelOps.Posterize(images, 8 - (int)Math.Round(M / 7.5)),
            RandAugmentOp.Contrast => ColorOps.AdjustContrast(images, Factor()),
            RandAugmentOp.Brightness => ColorOps.AdjustBrightness(images, Factor()),
            RandAugmentOp.Sharpness => ColorOps.AdjustSharpness(images, Factor()),
            RandAugmentOp.ShearX => SpatialOps.Warp(images, Affine.Shear(Signed(0.3 * fraction), vertical: false, height, width), height, width),
            RandAugmentOp.ShearY => SpatialOps.Warp(images, Affine.Shear(Signed(0.3 * fraction), vertical: true, height, width), height, width),
            RandAugmentOp.TranslateX => SpatialOps.Warp(images, Affine.Translation(Signed(150.0 / 331 * width * fraction), vertical: false, height, width), height, width),
            RandAugmentOp.TranslateY => SpatialOps.Warp(images, Affine.Translation(Signed(150.0 / 331 * height * fraction), vertical: true, height, width), height, width),
            _ => images.clone(),
        };
        return scope.MoveToOuter(result);
    }
}
