using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host export RUN [--step N] --format open_clip --out DIR`: a run's checkpoint in open_clip's layout (docs/interop.md).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "The run (its name under the runs root)" };
        var step = new Option<long?>("--step") { Description = "Export this step's checkpoint instead of the latest" };
        var format = new Option<string>("--format") { Description = "The layout to write: open_clip", DefaultValueFactory = _ => Commands.ExportRunCommand.OpenClip };
        var output = new Option<string>("--out") { Description = "A new folder for open_clip_model.safetensors, open_clip_config.json and tokenizer.json", Required = true };
        var command = new Command("export", "Write a run's checkpoint in open_clip's layout: its state-dict names and shapes, its model config (vision_cfg, text_cfg) and the tokenizer") { run, step, format, output };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
        {
            var request = new Commands.ExportRunCommand(parse.GetValue(run)!, parse.GetValue(format)!, parse.GetValue(output)!) { Step = parse.GetValue(step) };
            var (export, exit) = await CommandRunner.SendAsync(host.Services, request, ct).ConfigureAwait(false);
            if (export is not null)
            {
                Console.WriteLine($"exported {export.RunId} ({export.Checkpoint}): {export.Tensors} tensors in open_clip's layout to {export.Output}");
            }
            return exit;
        }, ct));
        return command;
    }
}
