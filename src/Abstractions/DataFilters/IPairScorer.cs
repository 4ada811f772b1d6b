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

    /// <summary>
    /// The ids of <paramref name="dataset"/> the teacher trained on, or null when that is not known (it trained on
    /// another store or import, or did not record its training set). A teacher scoring pairs it trained on ranks them by
    /// memory, not by fit; cross-fitted filters score each pair only with teachers that never saw it.
    /// </summary>
    /// <param name="dataset">The dataset being scored.</param>
    /// <returns>The ids, or null when unknown.</returns>
    IReadOnlySet<int>? TrainedOn(IDatasetView dataset) => null;
}
