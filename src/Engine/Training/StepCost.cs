using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Engine.Training;

/// <summary>
/// What the steps of a run cost in training GFLOPs, priced before training from the passes the strategy plans
/// (<see cref="ITrainingStrategy.PlanPasses"/>) and counted as the run then records them (<see cref="RunCompute.TrainingGflops"/>):
/// 3 x the forward of every image pass and of the batch's captions. A budget in GFLOPs becomes the step count whose
/// total is nearest to it.
/// </summary>
public sealed class StepCost
{
    private readonly ITrainingStrategy _strategy;
    private readonly ImageEncoder _visual;
    private readonly int _embedDim;
    private readonly int _batch;
    private readonly int _imageSize;
    private readonly double _textGflops;
    private readonly Dictionary<ImagePass, double> _passGflops = [];

    /// <summary>The most steps a budget may come to: a sum over more would take the trainer minutes before its first step.</summary>
    public const long MaxSteps = 100_000_000;

    /// <param name="strategy">The run's strategy, which plans its passes.</param>
    /// <param name="visual">The image encoder, which counts its multiply-adds.</param>
    /// <param name="embedDim">Width of the joint embedding (the projection's cost).</param>
    /// <param name="textMacsPerSample">Forward multiply-adds of one caption with its projection.</param>
    /// <param name="batch">Pairs per step.</param>
    /// <param name="imageSize">The model's image side, for strategies that do not plan.</param>
    public StepCost(ITrainingStrategy strategy, ImageEncoder visual, int embedDim, long textMacsPerSample, int batch, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        (_strategy, _visual, _embedDim, _batch, _imageSize) = (strategy, visual, embedDim, batch, imageSize);
        _textGflops = 2.0 * batch * textMacsPerSample / 1e9;
        Planned = strategy.PlanPasses(batch, 0, 1) is not null;
    }

    /// <summary>False when the strategy does not plan its passes; each step is then priced as one full projected view per pair.</summary>
    public bool Planned { get; }

    /// <summary>Training GFLOPs of one step of a run of <paramref name="totalSteps"/> steps (FLIP's tail depends on where the step falls).</summary>
    public double GflopsAt(long step, long totalSteps)
    {
        var passes = _strategy.PlanPasses(_batch, step, totalSteps) ?? [new ImagePass(_batch, _imageSize)];
        var image = 0.0;
        foreach (var pass in passes)
        {
            image += PassGflops(pass);
        }
        return 3 * (image + _textGflops);
    }

    /// <summary>Training GFLOPs of a whole run of <paramref name="steps"/> steps.</summary>
    public double TotalGflops(long steps)
    {
        var total = 0.0;
        for (var step = 0L; step < steps; step++)
        {
            total += GflopsAt(step, steps);
        }
        return total;
    }

    /// <summary>
    /// The number of steps whose total is nearest <paramref name="gflops"/>, or 0 when the budget is below one step. The
    /// total grows with every step added (a step moved from FLIP's masked phase into its tail still leaves one more step),
    /// so the first count at or over the budget is found by a search; the count before it may be nearer. Each total is a
    /// sum over the run's steps, so the search starts from an estimate rather than from one step.
    /// </summary>
    public long StepsFor(double gflops)
    {
        var totals = new Dictionary<long, double> { [0] = 0 };
        double Total(long steps) => totals.TryGetValue(steps, out var t) ? t : totals[steps] = TotalGflops(steps);
        if (gflops < Total(1))
        {
            return 0;
        }
        var guess = Estimate(gflops, Total);
        var (under, over) = Total(guess) < gflops ? (guess, guess + 1) : (guess - 1, guess);
        for (var stride = 1L; Total(under) >= gflops; stride *= 2)
        {
            (under, over) = (Math.Max(0, under - stride), under);
        }
        for (var stride = 1L; Total(over) < gflops; stride *= 2)
        {
            (under, over) = (over, over + stride);
        }
        while (over - under > 1)
        {
            var middle = under + ((over - under) / 2);
            (under, over) = Total(middle) < gflops ? (middle, over) : (under, middle);
        }
        return under >= 1 && gflops - Total(under) <= Total(over) - gflops ? under : over;
    }

    /// <summary>Steps at the first step's cost, corrected a few times by how far the total of that many steps is from the budget.</summary>
    private static long Estimate(double gflops, Func<long, double> total)
    {
        var steps = Steps(gflops / total(1));
        for (var i = 0; i < 4; i++)
        {
            var next = Steps(steps * gflops / total(steps));
            if (next == steps)
            {
                break;
            }
            steps = next;
        }
        return steps;
    }

    private static long Steps(double estimate) => (long)Math.Clamp(Math.Round(estimate), 1, MaxSteps);

    /// <summary>Forward GFLOPs of one pass, counted as the training loop counts it; a run makes few distinct passes, so each is counted once.</summary>
    private double PassGflops(ImagePass pass)
    {
        if (!_passGflops.TryGetValue(pass, out var gflops))
        {
            gflops = 2.0 * ImagePassCompute.Macs([pass], _visual, _embedDim) / 1e9;
            _passGflops[pass] = gflops;
        }
        return gflops;
    }
}
