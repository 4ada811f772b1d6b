using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// The batch of each step, a function of (seed, step): the ids in <see cref="DataOrder"/>, one caption per sample drawn
/// with a per-step seed (or always the first), tokenized once up front, and the images from the store.
/// </summary>
internal sealed class TrainingBatches : IDisposable
{
    private readonly Dictionary<int, long[][]> _tokens;
    private readonly DataOrder _order;
    private readonly ImageBatcher _images;
    private readonly int _contextLength;
    private readonly long _seed;
    private readonly Device _device;

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

    /// <summary>The batch of a step; call inside the step's dispose scope (its tensors live in it).</summary>
    public ClipBatch At(long step)
    {
        var ids = _order.Batch(step);
        var captions = new Random(DataOrder.SeedFor(_seed, step));
        var tokenRows = new long[ids.Length * _contextLength];
        for (var i = 0; i < ids.Length; i++)
        {
            var options = _tokens[ids[i]];
            options[captions.Next(options.Length)].CopyTo(tokenRows, i * _contextLength);
        }
        var raw = _images.Raw(ids);
        return new ClipBatch(_images.Normalised(raw), raw, tensor(tokenRows, [ids.Length, _contextLength], device: _device), ids.Select(i => (long)i).ToArray());
    }

    public void Dispose() => _images.Dispose();
}
