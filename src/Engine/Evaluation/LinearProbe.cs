using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// A multinomial logistic regression on frozen features: softmax cross-entropy (mean over samples) plus
/// l2 / 2 * |W|^2 (the bias is not penalised), fitted full-batch by L-BFGS (<see cref="Lbfgs"/>) from a zero-initialised
/// layer (the paper's "zero-initialise the fully connected layer"), the loss and its analytic gradient computed with
/// TorchSharp. Features are standardised with the fit set's mean and standard deviation first, so one grid of L2
/// strengths suits embeddings and raw pixels alike.
/// </summary>
public sealed class LinearProbe : IDisposable
{
    private readonly Tensor _mean;
    private readonly Tensor _std;
    private readonly Tensor _weight;
    private readonly Tensor _bias;

    private LinearProbe(Tensor mean, Tensor std, Tensor weight, Tensor bias, double l2, double[] theta)
    {
        Theta = theta;
        _mean = mean;
        _std = std;
        _weight = weight;
        _bias = bias;
        L2 = l2;
    }

    /// <summary>The fitted [W (row-major D x C), b]: a warm start for the same features at a neighbouring L2.</summary>
    public IReadOnlyList<double> Theta { get; }

    /// <summary>The L2 strength the probe was fitted with.</summary>
    public double L2 { get; }

    /// <summary>
    /// Fits the probe. features [N, D] float32 on CPU; labels in [0, classes); <paramref name="start"/> the
    /// <see cref="Theta"/> of a probe on the same features (an L2 search's warm start), else zeros.
    /// </summary>
    public static LinearProbe Fit(Tensor features, long[] labels, int classes, double l2, IReadOnlyList<double>? start = null, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var x = features.to_type(ScalarType.Float32);
        var mean = x.mean([0]);
        // A constant feature (a border pixel, a dead unit) has no spread: leave it unscaled rather than divide by zero.
        var std = x.std(0, unbiased: false).clamp_min(1e-6);
        var z = (x - mean) / std;
        var onehot = nn.functional.one_hot(tensor(labels), classes).to_type(ScalarType.Float32);
        var (d, c) = ((int)x.shape[1], classes);
        var (theta, _, _) = Lbfgs.Minimise(t => LossAndGradient(z, onehot, t, d, c, l2), start?.ToArray() ?? new double[(d * c) + c], maxIterations);
        var weight = tensor(theta.Take(d * c).Select(v => (float)v).ToArray(), [d, c]);
        var bias = tensor(theta.Skip(d * c).Select(v => (float)v).ToArray(), [c]);
        var probe = new LinearProbe(mean, std, weight, bias, l2, theta);
        probe.MoveToOuter(scope);
        return probe;
    }

    /// <summary>The loss and its gradient at theta = [W (row-major D x C), b]: dW = Z'(P - Y) / N + l2 W, db = mean(P - Y).</summary>
    private static (double, double[]) LossAndGradient(Tensor z, Tensor onehot, double[] theta, int d, int c, double l2)
    {
        using var scope = NewDisposeScope();
        var weight = tensor(theta.Take(d * c).Select(v => (float)v).ToArray(), [d, c]);
        var bias = tensor(theta.Skip(d * c).Select(v => (float)v).ToArray(), [c]);
        var logp = nn.functional.log_softmax(z.matmul(weight) + bias, 1);
        var n = z.shape[0];
        var loss = (-(onehot * logp).sum().item<float>() / n) + (0.5 * l2 * weight.square().sum().item<float>());
        var residual = (logp.exp() - onehot) / n;
        var gradient = cat([(z.t().matmul(residual) + (weight * l2)).flatten(), residual.sum(dim: 0)]);
        return (loss, [.. gradient.data<float>().ToArray().Select(v => (double)v)]);
    }

    /// <summary>Class scores [N, C] of features [N, D].</summary>
    public Tensor Logits(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var z = (features.to_type(ScalarType.Float32) - _mean) / _std;
        return scope.MoveToOuter(z.matmul(_weight) + _bias);
    }

    /// <summary>Mean softmax cross-entropy of the probe on features and labels (the search's tie-break).</summary>
    public double Loss(Tensor features, long[] labels)
    {
        using var scope = NewDisposeScope();
        return nn.functional.cross_entropy(Logits(features), tensor(labels)).item<float>();
    }

    public void Dispose()
    {
        _mean.Dispose();
        _std.Dispose();
        _weight.Dispose();
        _bias.Dispose();
    }

    private void MoveToOuter(DisposeScope scope)
    {
        scope.MoveToOuter(_mean, _std, _weight, _bias);
    }
}
