using System.Diagnostics;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// The batch of each step, a function of (seed, step): the ids in <see cref="DataOrder"/>, one caption per sample drawn
/// with a per-step seed (or always the first), tokenized once up front, and the images from the store. The next step's
/// ids, tokens and pixels are assembled on a worker thread while the current step computes (managed arrays only; the
/// tensors are made on the training thread, whose dispose scope owns them), so a step waits for data only when
/// assembly is slower than compute; <see cref="WaitSeconds"/> says how long it waited in all.
/// </summary>
internal sealed class TrainingBatches : IDisposable
{
    private readonly Dictionary<int, long[][]> _tokens;
    private readonly DataOrder _order;
    private readonly ImageBatcher _images;
    private readonly int _contextLength;
    private readonly long _seed;
    private readonly Device _device;
    private Task<Assembled>? _ahead;
    private long _aheadStep = -1;

    public TrainingBatches(TrainingSet set, ClipTokenizer tokenizer, bool firstCaptionOnly, int imageSize, int batchSize, long seed, Device device)
    {
        _tokens = set.Ids.Distinct().ToDictionary(
            i => i,
            i => (firstCaptionOnly ? set.Store.Samples[i].Captions.Take(1) : set.Store.Samples[i].Captions).Select(tokenizer.Encode).ToArray());
        _order = new DataOrder(set.Ids, batchSize, seed);
        _images = new ImageBatcher(set.Store, imageSize, device);
        _contextLength = tokenizer.ContextLength;
        _seed = seed;
        _device = device;
    }

    /// <summary>Seconds the training thread spent waiting for batches (all of assembly when nothing was ahead).</summary>
    public double WaitSeconds { get; private set; }

    /// <summary>
    /// The batch of a step; call inside the step's dispose scope (its tensors live in it). Starts assembling
    /// <paramref name="step"/> + 1 unless it is <paramref name="lastStep"/> or beyond.
    /// </summary>
    public ClipBatch At(long step, long lastStep = long.MaxValue)
    {
        var clock = Stopwatch.StartNew();
        var assembled = _ahead is not null && _aheadStep == step ? _ahead.GetAwaiter().GetResult() : AssembleAlone(step);
        WaitSeconds += clock.Elapsed.TotalSeconds;
        (_ahead, _aheadStep) = step + 1 < lastStep ? (Task.Run(() => Assemble(step + 1)), step + 1) : (null, -1);
        var raw = _images.Raw(assembled.Pixels, assembled.Ids.Length);
        return new ClipBatch(_images.Normalised(raw), raw, tensor(assembled.Tokens, [assembled.Ids.Length, _contextLength], device: _device), assembled.Ids.Select(i => (long)i).ToArray());
    }

    /// <summary>A step nobody assembled ahead (the first, or after a jump): wait for any work in flight, then assemble here.</summary>
    private Assembled AssembleAlone(long step)
    {
        _ahead?.Wait();
        return Assemble(step);
    }

    private Assembled Assemble(long step)
    {
        var ids = _order.Batch(step);
        var captions = new Random(DataOrder.SeedFor(_seed, step));
        var tokenRows = new long[ids.Length * _contextLength];
        for (var i = 0; i < ids.Length; i++)
        {
            var options = _tokens[ids[i]];
            options[captions.Next(options.Length)].CopyTo(tokenRows, i * _contextLength);
        }
        return new Assembled(ids, tokenRows, _images.Pixels(ids));
    }

    public void Dispose()
    {
        // The worker reads the store's memory map: let it finish before the store can be closed.
        try
        {
            _ahead?.Wait();
        }
        catch (AggregateException)
        {
            // Its failure belongs to a step that will never run.
        }
        _images.Dispose();
    }

    private sealed record Assembled(int[] Ids, long[] Tokens, byte[] Pixels);
}
