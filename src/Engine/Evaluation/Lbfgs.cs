namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Full-batch L-BFGS (Nocedal and Wright, Algorithm 7.4: two-loop recursion, ten curvature pairs) with a backtracking
/// Armijo line search, over a parameter vector small enough to live in managed memory (a probe's D x C + C weights).
/// Written here because TorchSharp's torch.optim.LBFGS has no line search (a unit step can overshoot on separable data)
/// and libtorch prints a deprecation warning on every step() call, hundreds of lines per few-shot evaluation.
/// </summary>
public static class Lbfgs
{
    private const int History = 10;
    private const double Armijo = 1e-4;

    /// <summary>Minimises f from x0; <paramref name="evaluate"/> returns the value and gradient at a point.</summary>
    public static (double[] X, double Value, int Iterations) Minimise(Func<double[], (double Value, double[] Gradient)> evaluate, double[] x0, int maxIterations, double gradientTolerance = 1e-4, double valueTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(x0);
        var x = (double[])x0.Clone();
        var (f, g) = evaluate(x);
        var pairs = new LinkedList<(double[] S, double[] Y, double Rho)>();
        var iteration = 0;
        for (; iteration < maxIterations && g.Max(Math.Abs) > gradientTolerance; iteration++)
        {
            var d = Direction(g, pairs);
            var slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (curvature pairs gone stale): restart from steepest descent.
                pairs.Clear();
                d = [.. g.Select(v => -v)];
                slope = Dot(g, d);
            }
            // The first step has no curvature to scale it: keep it to unit length, as PyTorch's L-BFGS does.
            var t = pairs.Count == 0 ? Math.Min(1, 1 / g.Sum(Math.Abs)) : 1;
            double[] next;
            double fNext;
            double[] gNext;
            while (true)
            {
                next = Step(x, d, t);
                (fNext, gNext) = evaluate(next);
                if (fNext <= f + (Armijo * t * slope) || t < 1e-10)
                {
                    break;
                }
                t /= 2;
            }
            var s = next.Zip(x, (a, b) => a - b).ToArray();
            var y = gNext.Zip(g, (a, b) => a - b).ToArray();
            var sy = Dot(s, y);
            if (sy > 1e-10)
            {
                pairs.AddLast((s, y, 1 / sy));
                if (pairs.Count > History)
                {
                    pairs.RemoveFirst();
                }
            }
            var change = Math.Abs(f - fNext);
            (x, f, g) = (next, fNext, gNext);
            if (change <= valueTolerance * Math.Max(1, Math.Abs(f)))
            {
                iteration++;
                break;
            }
        }
        return (x, f, iteration);
    }

    /// <summary>The two-loop recursion: -H g with H the inverse Hessian estimate of the stored pairs.</summary>
    private static double[] Direction(double[] g, LinkedList<(double[] S, double[] Y, double Rho)> pairs)
    {
        var q = (double[])g.Clone();
        var alphas = new Stack<double>();
        for (var node = pairs.Last; node is not null; node = node.Previous)
        {
            var alpha = node.Value.Rho * Dot(node.Value.S, q);
            Axpy(-alpha, node.Value.Y, q);
            alphas.Push(alpha);
        }
        if (pairs.Last is { } newest)
        {
            var gamma = Dot(newest.Value.S, newest.Value.Y) / Dot(newest.Value.Y, newest.Value.Y);
            for (var i = 0; i < q.Length; i++)
            {
                q[i] *= gamma;
            }
        }
        for (var node = pairs.First; node is not null; node = node.Next)
        {
            var beta = node.Value.Rho * Dot(node.Value.Y, q);
            Axpy(alphas.Pop() - beta, node.Value.S, q);
        }
        return [.. q.Select(v => -v)];
    }

    private static double[] Step(double[] x, double[] d, double t) => [.. x.Zip(d, (a, b) => a + (t * b))];

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
