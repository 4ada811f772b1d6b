using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Model;
using ClipHost.Engine.Text;
using ClipHost.Host.Plugins;
using static TorchSharp.torch;

namespace ClipHost.Host.Commands;

/// <summary>A checkpoint's model on the CPU with its encoder and the evaluations' feature-cache hash, under the plugin lease that built it.</summary>
public sealed class LoadedCheckpoint : IDisposable
{
    private readonly PluginLease _lease;

    private LoadedCheckpoint(string folder, string stamp, PluginLease lease, ClipModel model)
    {
        Folder = folder;
        Stamp = stamp;
        _lease = lease;
        Model = model;
        Encoder = new EmbeddingEncoder(model, ClipTokenizer.Load(Path.Combine(folder, CheckpointStore.Tokenizer)), CPU);
        Hash = CheckpointHash.Of(folder);
    }

    public string Folder { get; }

    public string Stamp { get; }

    public long Generation => _lease.Snapshot.Generation;

    public ClipModel Model { get; }

    public EmbeddingEncoder Encoder { get; }

    /// <summary>The checkpoint's content hash (<see cref="CheckpointHash"/>), as the evaluations key its features.</summary>
    public string Hash { get; }

    public static LoadedCheckpoint Load(string folder, string stamp, PluginCatalog catalog)
    {
        var lease = catalog.Acquire();
        ClipModel? model = null;
        try
        {
            model = CheckpointStore.LoadModel(folder, lease, CPU);
            return new LoadedCheckpoint(folder, stamp, lease, model);
        }
        catch
        {
            // A tokenizer or hash that fails after the weights loaded must not leave them (or the lease) behind.
            model?.Dispose();
            lease.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Model.Dispose();
        _lease.Dispose();
    }
}
