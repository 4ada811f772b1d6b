using System.Diagnostics;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>
/// Where a training step's time goes, for `clip-host bench --profile`. TorchSharp 0.107 does not bind LibTorch's
/// profiler, so this times the step itself: every module's forward through hooks (exclusive of its children and of the
/// precision policy's casts, grouped by kind), the casts as the policy counts them, and the phases the step marks
/// (backward, the master copies, the optimiser). LibTorch runs each op to completion on the CPU, so wall time between
/// hooks is the ops' time. Backward is one phase: TorchSharp has no module backward hooks to split it by.
/// </summary>
public sealed class StepProfile(MixedPrecision precision)
{
    private readonly List<Dictionary<string, double>> _steps = [];
    private readonly Stack<Frame> _frames = new();
    private Dictionary<string, double> _current = [];
    private long _mark;
    private TimeSpan _castsAtMark;
    private double _moduleSeconds;

    /// <summary>Times every single-input module under <paramref name="root"/> (a plugin's own types included).</summary>
    public void Attach(nn.Module root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var (_, module) in root.named_modules())
        {
            if (module is nn.Module<Tensor, Tensor> typed)
            {
                var category = Category(module);
                typed.register_forward_pre_hook(_ => Enter(category));
                typed.register_forward_hook(_ => Leave());
            }
        }
    }

    public void BeginStep()
    {
        (_current, _mark, _castsAtMark, _moduleSeconds) = ([], Stopwatch.GetTimestamp(), precision.CastTime, 0);
        _frames.Clear();
    }

    /// <summary>Ends the phase named <paramref name="phase"/> (time since the last mark); the forward phase is split further.</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Stopwatch.GetElapsedTime(_mark, now).TotalSeconds;
        if (phase == TrainingSession.ForwardPhase)
        {
            var casts = (precision.CastTime - _castsAtMark).TotalSeconds;
            Add("forward: casts at bf16 region boundaries", casts);
            Add("forward: loss, strategy, glue outside modules", seconds - _moduleSeconds - casts);
        }
        else
        {
            Add(phase, seconds);
        }
        (_mark, _castsAtMark) = (Stopwatch.GetTimestamp(), precision.CastTime);
    }

    /// <param name="measured">False for warm-up steps, which are dropped.</param>
    public void EndStep(bool measured)
    {
        Mark("loss read and the rest of the step");
        if (measured)
        {
            _steps.Add(_current);
        }
    }

    /// <summary>Median milliseconds per step of each operation over the measured steps, largest first, with its share of the median step.</summary>
    public IReadOnlyList<StepProfileRow> Rows()
    {
        var total = MatmulPeak.Median([.. _steps.Select(s => s.Values.Sum())]);
        return [.. _steps.SelectMany(s => s.Keys).Distinct()
            .Select(k => (k, MatmulPeak.Median([.. _steps.Select(s => s.GetValueOrDefault(k))])))
            .OrderByDescending(r => r.Item2)
            .Select(r => new StepProfileRow(r.k, r.Item2 * 1000, total > 0 ? r.Item2 / total : 0))];
    }

    private void Enter(string category) =>
        _frames.Push(new Frame(category, Stopwatch.GetTimestamp(), precision.CastTime));

    private void Leave()
    {
        if (!_frames.TryPop(out var frame))
        {
            return;
        }
        var inclusive = Stopwatch.GetElapsedTime(frame.Start).TotalSeconds;
        var casts = (precision.CastTime - frame.CastsAtStart).TotalSeconds;
        Add(frame.Category, inclusive - frame.Children - (casts - frame.ChildCasts));
        if (_frames.TryPeek(out var parent))
        {
            parent.Children += inclusive;
            parent.ChildCasts += casts;
        }
        else
        {
            _moduleSeconds += inclusive - casts;
        }
    }

    private void Add(string key, double seconds) => _current[key] = _current.GetValueOrDefault(key) + seconds;

    /// <summary>Library modules by what they compute; a plugin's own modules by type (their own ops, children excluded).</summary>
    private static string Category(nn.Module module) => module switch
    {
        Linear or Conv1d or Conv2d => "forward: matmul modules (Linear, Conv)",
        LayerNorm or BatchNorm1d or BatchNorm2d or GroupNorm => "forward: norms",
        GELU or ReLU or SiLU or Tanh or Sigmoid or Dropout => "forward: activations, dropout",
        Embedding => "forward: embeddings",
        Sequential => "forward: own ops of Sequential",
        _ => $"forward: own ops of {module.GetType().Name}",
    };

    private sealed class Frame(string category, long start, TimeSpan castsAtStart)
    {
        public string Category { get; } = category;

        public long Start { get; } = start;

        public TimeSpan CastsAtStart { get; } = castsAtStart;

        public double Children { get; set; }

        public double ChildCasts { get; set; }
    }
}
