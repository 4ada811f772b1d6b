using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Paths;
using static TorchSharp.torch;

namespace ClipHost.Host.Commands;

/// <summary>
/// Takes the checkpoint loaded on the CPU (<see cref="LoadedCheckpoints"/>: the page's next query skips the load), indexes the store's selected samples (images and first captions, through the
/// evaluations' feature cache under the data root's scores/features), embeds the query and returns the nearest of each
/// kind. A query image that does not decode, or a sample outside the selection, is refused naming it.
/// </summary>
public sealed class SearchRunHandler(RunStore runs, DataLayout layout, LoadedCheckpoints checkpoints) : ICommandHandler<SearchRunCommand, RunSearch>
{
    public async ValueTask<RunSearch> Handle(SearchRunCommand command, CancellationToken cancellationToken)
    {
        var checkpoint = RunCheckpoints.Find(runs.DirectoryOf(command.RunId), command.Step).Folder!;
        return await RunConfig.OnTorchThread(() => checkpoints.Use(checkpoint, loaded =>
        {
            using var store = ClipStore.Open(layout.Store(command.Store, "store"));
            var ids = new SampleSelection { Split = command.Split }.Select(store);
            // The evaluations' key for fp32 features: a checkpoint evaluated in fp32 has its images cached already.
            var key = $"{loaded.Hash}{Precision.Fp32}".ToLowerInvariant();
            using var index = StoreIndex.Build(loaded.Encoder, store, ids, new FeatureCache(Path.Combine(layout.Scores, "features")), key);
            var (query, described) = Query(command, loaded.Encoder, index, store, loaded.Model.Config.Vision.ImageSize);
            using (query)
            {
                return new RunSearch(command.RunId, checkpoint, command.Store, command.Split, described, ids.Length, index.Encoded,
                    Hits(store, index.NearestImages(query, command.K)), Hits(store, index.NearestCaptions(query, command.K)));
            }
        })).ConfigureAwait(false);
    }

    private static (Tensor Query, string Described) Query(SearchRunCommand command, EmbeddingEncoder encoder, StoreIndex index, ClipStore store, int resolution)
    {
        if (command.Text is { } text)
        {
            using var embedded = encoder.Texts([text.Trim()]);
            return (embedded[0].clone(), $"caption \"{text.Trim()}\"");
        }
        if (command.Sample is { } sample)
        {
            var row = index.ImageOf(sample) ?? throw Refused("sample", $"sample {sample} is not among the {index.Ids.Count} searched samples of '{command.Store}'");
            return (row, $"the image of sample {sample} ({store.Samples[sample].Key})");
        }
        var (rows, _, skipped) = Embedder.Images(encoder, [("image", new ImageInput.Encoded(command.Image!))], resolution);
        if (skipped.Count > 0)
        {
            rows.Dispose();
            throw Refused("image", $"the image does not decode: {skipped[0].Reason}");
        }
        using (rows)
        {
            return (rows[0].clone(), $"a dropped image ({command.Image!.Length} bytes)");
        }
    }

    private static List<SearchHit> Hits(ClipStore store, IReadOnlyList<(int Id, double Score)> nearest) =>
        [.. nearest.Select(n => new SearchHit(n.Id, store.Samples[n.Id].Key, StoreIndex.FirstCaption(store, n.Id), store.Samples[n.Id].Group, n.Score))];

    private static OptionsValidationFailedException Refused(string field, string message) => new([new OptionError(field, message)]);
}
