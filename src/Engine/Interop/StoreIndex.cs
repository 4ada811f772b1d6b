using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Interop;

/// <summary>
/// A store's selected samples embedded by one checkpoint, for nearest-neighbour search both ways: the images through
/// the evaluations' <see cref="FeatureCache"/> (an evaluated checkpoint has them already), each sample's first caption
/// through the same cache under the model key's "captions" variant. Built once per (checkpoint, store), then every
/// query is one matrix product over unit-length rows.
/// </summary>
public sealed class StoreIndex : IDisposable
{
    private readonly Tensor _images;
    private readonly Tensor _captions;
    private readonly Dictionary<int, int> _rowOf;

    private StoreIndex(IReadOnlyList<int> ids, Tensor images, Tensor captions)
    {
        (Ids, _images, _captions) = (ids, images, captions);
        _rowOf = ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row);
    }

    /// <summary>The store's sample ids, in the order of the rows.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>Images encoded by the model while building (not answered by the cache).</summary>
    public int Encoded { get; private init; }

    /// <param name="modelKey">The checkpoint's content hash and precision, as the evaluations key their features.</param>
    public static StoreIndex Build(EmbeddingEncoder encoder, ClipStore store, IReadOnlyList<int> ids, FeatureCache cache, string modelKey)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cache);
        var features = new ImageFeatures(encoder, modelKey, cache);
        var images = features.Of(store, ids);
        var captions = Captions(encoder, store, ids, cache, modelKey + "captions");
        return new StoreIndex(ids, images, captions) { Encoded = features.Encoded };
    }

    /// <summary>The k samples whose images are nearest the unit-length query [D], best first (ties: the lower row).</summary>
    public IReadOnlyList<(int Id, double Score)> NearestImages(Tensor query, int k) => Nearest(_images, query, k);

    /// <summary>The k samples whose captions are nearest the unit-length query [D], best first.</summary>
    public IReadOnlyList<(int Id, double Score)> NearestCaptions(Tensor query, int k) => Nearest(_captions, query, k);

    /// <summary>The image embedding [D] of one of the index's samples, or null when the sample is not in it.</summary>
    public Tensor? ImageOf(int id) => _rowOf.TryGetValue(id, out var row) ? _images[row].clone() : null;

    public void Dispose()
    {
        _images.Dispose();
        _captions.Dispose();
    }

    private List<(int Id, double Score)> Nearest(Tensor rows, Tensor query, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var scope = NewDisposeScope();
        k = Math.Min(k, Ids.Count);
        if (k == 0)
        {
            return [];
        }
        var scores = rows.matmul(query.reshape(-1)).unsqueeze(0);
        var top = Metrics.Top(scores, k)[0].data<long>().ToArray();
        var values = scores[0].data<float>().ToArray();
        return [.. top.Select(row => (Ids[(int)row], (double)values[row]))];
    }

    private static Tensor Captions(EmbeddingEncoder encoder, ClipStore store, IReadOnlyList<int> ids, FeatureCache cache, string key)
    {
        var known = cache.Load(store.ContentHash, key);
        var missing = ids.Where(id => !known.ContainsKey(id)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            using var embedded = encoder.Texts([.. missing.Select(id => FirstCaption(store, id))]);
            var all = embedded.contiguous().data<float>().ToArray();
            var fresh = missing.Select((id, i) => (id, all.AsSpan(i * encoder.Dimension, encoder.Dimension).ToArray())).ToDictionary(p => p.id, p => p.Item2);
            cache.Add(store.ContentHash, key, fresh);
            foreach (var (id, row) in fresh)
            {
                known[id] = row;
            }
        }
        var flat = new float[ids.Count * encoder.Dimension];
        for (var i = 0; i < ids.Count; i++)
        {
            known[ids[i]].CopyTo(flat, i * encoder.Dimension);
        }
        return tensor(flat, [ids.Count, encoder.Dimension]);
    }

    /// <summary>The caption a search shows and embeds for a sample: its first (stores keep the canonical one first).</summary>
    public static string FirstCaption(ClipStore store, int id)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Samples[id].Captions.Count > 0 ? store.Samples[id].Captions[0] : string.Empty;
    }
}
