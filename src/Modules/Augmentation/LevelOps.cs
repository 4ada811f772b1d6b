using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Modules.Augmentation;

/// <summary>
/// Operations on the 256 value levels of float32 [B, C, H, W] batches in [0, 1], as PIL's ImageOps: posterize,
/// solarize, autocontrast and histogram equalisation. Each returns a new tensor and leaves its input alone.
/// </summary>
public static class LevelOps
{
    /// <summary>
    /// Keeps the top <paramref name="bits"/> bits of each 8-bit value (PIL's posterize): values are rounded to the
    /// 256 levels first, so for 8 bits the images are returned as they are.
    /// </summary>
    public static Tensor Posterize(Tensor images, int bits)
    {
        Require.InRange(bits, 1, 8, nameof(bits));
        if (bits == 8)
        {
            return images.clone();
        }
        using var scope = NewDisposeScope();
        using var levels = 255f.ToScalar();
        using var step = ((float)(1 << (8 - bits))).ToScalar();
        // Floor-division on the rounded level is the bit mask, kept in float so no integer round trip is needed.
        var kept = images.mul(levels).round_().div_(step).floor_().mul_(step).div_(levels);
        return scope.MoveToOuter(kept);
    }

    /// <summary>Inverts (1 − x) every value at or above <paramref name="threshold"/>; a threshold above 1 is the identity.</summary>
    public static Tensor Solarize(Tensor images, double threshold)
    {
        using var scope = NewDisposeScope();
        using var t = threshold.ToScalar();
        using var one = 1f.ToScalar();
        var inverted = images.neg().add_(one);
        return scope.MoveToOuter(where(images.ge(t), inverted, images));
    }

    /// <summary>Stretches each image-channel so its minimum becomes 0 and its maximum 1; flat channels are kept.</summary>
    public static Tensor AutoContrast(Tensor images)
    {
        using var scope = NewDisposeScope();
        var low = images.amin([2, 3], keepdim: true);
        var span = images.amax([2, 3], keepdim: true).sub_(low);
        using var zero = 0f.ToScalar();
        var flat = span.le(zero);
        var scale = where(flat, ones_like(span), span.reciprocal());
        var offset = where(flat, zeros_like(low), low);
        return scope.MoveToOuter(UnitInterval.Clamp(images.sub(offset).mul_(scale)));
    }

    /// <summary>
    /// Histogram equalisation of each image-channel over its 256 levels, with PIL's lookup table: step =
    /// ⌊(N − count of the top level) / 255⌋, level i ↦ min(255, ⌊(Σ_{j&lt;i} hist[j] + ⌊step / 2⌋) / step⌋),
    /// and channels with step 0 (one level, or nearly) keep their levels. The result is on the 256-level grid.
    /// </summary>
    public static Tensor Equalize(Tensor images)
    {
        using var scope = NewDisposeScope();
        var (batch, channels, height, width) = (images.shape[0], images.shape[1], images.shape[2], images.shape[3]);
        var rows = batch * channels;
        using var byteRange = 255f.ToScalar();
        using var intByteRange = 255L.ToScalar();
        using var two = 2L.ToScalar();
        using var one = 1L.ToScalar();
        using var pixels = (height * width).ToScalar();
        using var zero = 0f.ToScalar();
        // One histogram per image-channel row, all rows at once.
        var levels = images.mul(byteRange).round_().clamp_(zero, byteRange).to_type(ScalarType.Int64).reshape(rows, height * width);
        var histogram = zeros([rows, 256], ScalarType.Int64, images.device).scatter_add_(1, levels, ones_like(levels));
        var topCount = histogram.gather(1, levels.amax([1], keepdim: true));
        var step = topCount.neg().add_(pixels).div_(intByteRange, RoundingMode.floor);
        var below = histogram.cumsum(1).sub_(histogram);
        var table = below.add_(step.div(two, RoundingMode.floor)).div_(step.clamp(min: one), RoundingMode.floor).clamp_(max: intByteRange);
        var mapped = where(step.ge(one), table.gather(1, levels), levels);
        return scope.MoveToOuter(mapped.to_type(ScalarType.Float32).div_(byteRange).view(batch, channels, height, width));
    }
}
