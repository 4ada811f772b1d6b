using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>SimCLR's NT-Xent loss (Chen et al. 2020) as SLIP computes it, over two views of the same images.</summary>
public static class SimClrLoss
{
    // SLIP removes self-similarity by subtracting a large constant rather than -inf, which keeps the softmax finite.
    private const float SelfMask = 1e9f;

    /// <summary>
    /// For view a, the positive of image i is view b of image i; the candidates are every view b and every other view a
    /// (its own view a is masked out). The same for view b; the loss is the mean of the two cross-entropies.
    /// </summary>
    /// <param name="a">Head outputs of the first views [B, D], any scale.</param>
    /// <param name="b">Head outputs of the second views [B, D].</param>
    /// <param name="temperature">The softmax temperature (SLIP: 0.1).</param>
    /// <returns>The scalar loss (fp32) and the fraction of images whose positive scored highest.</returns>
    public static (Tensor Loss, double Accuracy) NtXent(Tensor a, Tensor b, double temperature)
    {
        using var scope = NewDisposeScope();
        using var inverseTemperature = (1.0 / temperature).ToScalar();
        using var selfMask = SelfMask.ToScalar();
        using var two = 2f.ToScalar();
        var qa = nn.functional.normalize(a.to_type(ScalarType.Float32), dim: 1);
        var qb = nn.functional.normalize(b.to_type(ScalarType.Float32), dim: 1);
        var n = qa.shape[0];
        var targets = arange(n, dtype: ScalarType.Int64, device: qa.device);
        var self = eye(n, dtype: ScalarType.Float32, device: qa.device).mul_(selfMask);
        var ab = qa.matmul(qb.t()).mul_(inverseTemperature);
        var aa = qa.matmul(qa.t()).mul_(inverseTemperature) - self;
        var bb = qb.matmul(qb.t()).mul_(inverseTemperature) - self;
        var ba = qb.matmul(qa.t()).mul_(inverseTemperature);
        var logitsA = cat([ab, aa], 1);
        var logitsB = cat([ba, bb], 1);
        var loss = (nn.functional.cross_entropy(logitsA, targets) + nn.functional.cross_entropy(logitsB, targets)) / two;
        var accuracy = logitsA.argmax(1).eq(targets).to_type(ScalarType.Float32).mean().item<float>();
        return (scope.MoveToOuter(loss), accuracy);
    }
}
