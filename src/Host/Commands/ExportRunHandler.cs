using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Interop;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// Builds the checkpoint's model on the CPU and writes it in open_clip's layout (<see cref="OpenClipExport"/>); a tower
/// open_clip cannot express is refused naming the reason, before anything is written.
/// </summary>
public sealed class ExportRunHandler(RunStore runs, PluginCatalog catalog) : ICommandHandler<ExportRunCommand, RunExport>
{
    public async ValueTask<RunExport> Handle(ExportRunCommand command, CancellationToken cancellationToken)
    {
        var checkpoint = RunCheckpoints.Find(runs.DirectoryOf(command.RunId), command.Step).Folder!;
        var output = Path.GetFullPath(command.Output);
        using var lease = catalog.Acquire();
        return await RunConfig.OnTorchThread(() =>
        {
            using var model = CheckpointStore.LoadModel(checkpoint, lease, TorchSharp.torch.CPU);
            if (OpenClipExport.Refusal(model) is { } why)
            {
                throw new OptionsValidationFailedException([new OptionError("model.vision.architecture", why)]);
            }
            var count = model.state_dict().Count;
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            OpenClipExport.Write(model, checkpoint, output);
            return new RunExport(command.RunId, checkpoint, output, count);
        }).ConfigureAwait(false);
    }
}
