using System.CommandLine;
using System.Globalization;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host search --run R --store S [--split test] (--text T | --image FILE | --sample ID) [--k 10]`: the store's
/// nearest images and captions to a query, the same command as the search page (docs/interop.md).
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The run (its name under the runs root)", Required = true };
        var store = new Option<string>("--store") { Description = "The store to search (its name under the data root)", Required = true };
        var split = new Option<string?>("--split") { Description = "Search only this split: train, val or test" };
        var step = new Option<long?>("--step") { Description = "Use this step's checkpoint instead of the latest" };
        var text = new Option<string?>("--text") { Description = "A caption: find the images (and captions) nearest it" };
        var image = new Option<string?>("--image") { Description = "An image file: find the captions (and images) nearest it" };
        var sample = new Option<int?>("--sample") { Description = "A sample id of the store: find what is nearest its image" };
        var k = new Option<int>("--k") { Description = "Hits of each kind", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Search a store with a run's model: the nearest images and captions to a caption, an image or a sample") { run, store, split, step, text, image, sample, k };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
        {
            var file = parse.GetValue(image);
            if (file is not null && !File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"--image: {file} does not exist").ConfigureAwait(false);
                return 2;
            }
            var request = new Commands.SearchRunCommand(parse.GetValue(run)!, parse.GetValue(store)!)
            {
                Split = parse.GetValue(split),
                Step = parse.GetValue(step),
                Text = parse.GetValue(text),
                Image = file is null ? null : await ReadBoundedAsync(file, ct).ConfigureAwait(false),
                Sample = parse.GetValue(sample),
                K = parse.GetValue(k),
            };
            var (found, exit) = await CommandRunner.SendAsync(host.Services, request, ct).ConfigureAwait(false);
            if (found is not null)
            {
                Console.WriteLine($"{found.Query}: {found.Searched} samples of {found.Store}{(found.Split is null ? string.Empty : $" ({found.Split})")} with {found.RunId} ({found.Checkpoint}); {found.Encoded} images encoded");
                Print("images", found.Images);
                Print("captions", found.Captions);
            }
            return exit;
        }, ct));
        return command;
    }

    private static void Print(string kind, IReadOnlyList<Commands.SearchHit> hits)
    {
        Console.WriteLine($"nearest {kind}:");
        foreach (var (hit, rank) in hits.Select((h, i) => (h, i + 1)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rank,3}. {hit.Score:F4}  #{hit.Id} {hit.Key}  {hit.Caption}"));
        }
    }

    // One byte more than the limit is enough for the validator to refuse it by size.
    private static async Task<byte[]> ReadBoundedAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        var buffer = new byte[(int)Math.Min(stream.Length, Engine.Interop.EmbeddingInputs.MaxImageBytes + 1)];
        await stream.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
        return buffer;
    }
}
