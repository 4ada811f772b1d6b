using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host embed --run R [--step N] (--images DIR | --texts FILE) --out F`: embeddings of images or texts with a run's model (docs/interop.md).</summary>
public static class EmbedCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The run (its name under the runs root)", Required = true };
        var step = new Option<long?>("--step") { Description = "Use this step's checkpoint instead of the latest" };
        var images = new Option<string?>("--images") { Description = "A folder of image files (png, jpg, webp, gif, bmp; not its subfolders), embedded in name order" };
        var texts = new Option<string?>("--texts") { Description = "A text file: each non-empty line is embedded" };
        var output = new Option<string>("--out") { Description = "A new .npy (names beside it in F.names.txt) or .safetensors (names in its metadata) file", Required = true };
        var command = new Command("embed", "Embed images or texts with a run's model: unit-length rows, one per image or line") { run, step, images, texts, output };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
        {
            var request = new Commands.EmbedRunCommand(parse.GetValue(run)!)
            {
                Step = parse.GetValue(step),
                ImageFolder = parse.GetValue(images),
                TextFile = parse.GetValue(texts),
                Output = parse.GetValue(output),
            };
            var (embedding, exit) = await CommandRunner.SendAsync(host.Services, request, ct).ConfigureAwait(false);
            if (embedding is not null)
            {
                foreach (var skipped in embedding.Skipped)
                {
                    Console.Error.WriteLine($"skipped {skipped.Name}: {skipped.Reason}");
                }
                Console.WriteLine($"embedded {embedding.Rows} rows x {embedding.Dimension} with {embedding.RunId} ({embedding.Checkpoint}) into {embedding.Output}{(embedding.Skipped.Count > 0 ? $"; {embedding.Skipped.Count} skipped" : string.Empty)}");
            }
            return exit;
        }, ct));
        return command;
    }
}
