using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using static TorchSharp.torch;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// A trained checkpoint as a teacher: each pair's score is the cosine similarity of the L2-normalised image embedding
/// and primary-caption embedding (the CLIP score of DataComp's filtering baselines), computed in batches without gradients.
/// </summary>
public sealed class CheckpointPairScorer : IPairScorer, IDisposable
{
    private readonly ClipModel _model;
    private readonly EmbeddingEncoder _encoder;
    private readonly int _batchSize;

    public CheckpointPairScorer(string checkpoint, IComponentRegistry registry, Device device, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Checkpoint = checkpoint;
        ModelHash = HashOf(checkpoint);
        _batchSize = batchSize;
        _model = CheckpointStore.LoadModel(checkpoint, registry, device);
        _encoder = new EmbeddingEncoder(_model, ClipTokenizer.Load(Path.Combine(checkpoint, CheckpointStore.Tokenizer)), device, batchSize);
    }

    /// <summary>The checkpoint folder the scorer was loaded from.</summary>
    public string Checkpoint { get; }

    public string ModelHash { get; }

    /// <summary>The checkpoint's content hash (<see cref="CheckpointHash"/>), shared with the evaluation feature cache.</summary>
    public static string HashOf(string checkpoint) => CheckpointHash.Of(checkpoint);

    /// <summary>
    /// The ids the teacher's run trained on, read from the run's subset/ record (written when a run trains with
    /// data.subset or data.filters) when that record was made over this very import of <paramref name="dataset"/>;
    /// null otherwise (a run without filters records no ids, and one over another store names other pairs).
    /// </summary>
    public IReadOnlySet<int>? TrainedOn(IDatasetView dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        // A checkpoint lives at <run>/checkpoints/<step>; its run's choice of training pairs at <run>/subset.
        var run = Directory.GetParent(Checkpoint)?.Parent?.FullName;
        var record = run is null ? null : SubsetFiles.Read(Path.Combine(run, SubsetFiles.RunFolder));
        return record is not null && record.StoreContentHash == dataset.ContentHash ? record.Ids.ToHashSet() : null;
    }

    public float[] Score(IDatasetView dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(ids);
        var scores = new float[ids.Count];
        var offset = 0;
        foreach (var chunk in ids.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var images = _encoder.Images(dataset, chunk);
            var texts = _encoder.Texts([.. chunk.Select(id => dataset.GetSample(id).Captions[0])]);
            var cosine = (images * texts).sum(1).to_type(ScalarType.Float32).cpu();
            cosine.data<float>().CopyTo(scores, offset);
            offset += chunk.Length;
        }
        return scores;
    }

    public void Dispose() => _model.Dispose();
}
