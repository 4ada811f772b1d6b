namespace ClipHost.Abstractions.DataFilters;

/// <summary>A trained model that scores image-text pairs (cosine similarity of their embeddings); the engine provides it.</summary>
public interface IPairScorer
{
    /// <summary>Hash of the teacher's weights and config; with the dataset hash, keys the score cache.</summary>
    string ModelHash { get; }

    /// <summary>Scores each sample's image against its primary caption.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="ids">Samples to score.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    /// <returns>One score per id, in order.</returns>
    float[] Score(IDatasetView dataset, IReadOnlyList<int> ids, CancellationToken cancellationToken);
}
