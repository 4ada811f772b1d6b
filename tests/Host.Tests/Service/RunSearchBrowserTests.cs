using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// The run search page in a real headless Chromium: a CLIP trained by clip-host on the real twitter emoji (train split)
/// searches the held-out emoji (test split: emoji it never saw) by typed captions, and an image dropped on the page comes
/// back with its own emoji's caption among the nearest. Then the attacks: a dropped image posted without the page's
/// antiforgery token, or from another origin, is refused.
/// </summary>
/// <remarks>
/// Which held-out captions: every one whose emoji has a sibling in training that differs only in who is drawn (held-out
/// "man pouting", trained "person pouting"; no skin-tone variants), chosen by that rule from the store, not by looking at
/// the model. Six epochs find 15 of those 19 in their top 5 (seed 0, AMD EPYC Zen 3, one LibTorch thread, 261 s of
/// training beside another training), as ten epochs did (Zen 5) in two thirds more time; four find 10. Over all held-out
/// captions the ten-epoch model's recall@5 is about 38%, so a caption with no sibling in training is found only about a
/// third of the time (docs/interop.md). The test asks for at least five, the acceptance of issue 21, and names every miss.
/// </remarks>
public sealed class RunSearchBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Who = ["man", "woman", "person"];

    [Fact]
    public async Task HeldOutCaptions_FindTheirEmojiInTheTopFive_AndADroppedImageFindsItsCaption()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium");
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        RunningHost.InstallBuiltInPlugins(dir);
        var import = await ClipHostProcess.RunAsync(["data", "import", "emoji", "--styles", "twitter"], env);
        Assert.True(import.ExitCode == 0, import.All);
        var train = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("emoji-search.json", Experiment)], env);
        Assert.True(train.ExitCode == 0, train.All);
        var groups = HeldOutSiblings(dir.Combine("data", "stores", "emoji", "samples.jsonl"));
        Assert.True(groups.Count >= 5, $"only {groups.Count} held-out captions have a sibling in training");

        await using var host = await RunningHost.StartAsync(env);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var search = new Uri(host.Client.BaseAddress!, "/hangfire/results/runs/emoji-search/search");
        var misses = new List<string>();
        string? shown = null;
        foreach (var caption in groups.Keys.Order(StringComparer.Ordinal))
        {
            await page.GotoAsync(search.AbsoluteUri);
            await page.Locator("select[name=split]").SelectOptionAsync("test");
            await page.Locator("input[name=k]").FillAsync("5");
            await page.Locator("#q").FillAsync(caption);
            await page.Locator("#search-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("#image-hits figure")).ToHaveCountAsync(5);
            var found = await page.Locator("#image-hits figure").EvaluateAllAsync<string[]>("fs => fs.map(f => f.dataset.group)");
            if (!found.Contains(groups[caption]))
            {
                misses.Add($"'{caption}' ({groups[caption]}): top 5 {string.Join(", ", await page.Locator("#image-hits figcaption").AllInnerTextsAsync())}");
            }
            else
            {
                shown = caption;
            }
        }
        Assert.True(groups.Count - misses.Count >= 5, $"{groups.Count - misses.Count} of {groups.Count} found; the misses:\n{string.Join("\n", misses)}");
        // The screenshot and the reverse search start from a found caption's page.
        await page.GotoAsync($"{search.AbsoluteUri}?split=test&k=5&q={Uri.EscapeDataString(shown!)}");
        if (Environment.GetEnvironmentVariable("CLIPHOST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "run-search-page.png"), FullPage = true });
        }

        // The reverse: the last search's first image, dropped back on the page as a file, finds captions of its emoji.
        var first = page.Locator("#image-hits figure").First;
        var group = await first.GetAttributeAsync("data-group");
        var source = await first.Locator("img").GetAttributeAsync("src");
        var png = dir.Write("dropped.png", Convert.FromBase64String(source!["data:image/png;base64,".Length..]));
        await page.Locator("#drop").SetInputFilesAsync(png);
        await Assertions.Expect(page.Locator("#results")).ToHaveAttributeAsync("data-query", "image");
        var captionGroups = await page.Locator("#caption-hits li").EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.group)");
        Assert.Equal(5, captionGroups.Length);
        Assert.Contains(group, captionGroups);

        await RefusesForgedDrops(host, png);
    }

    // A page elsewhere cannot make the browser post an image search: no antiforgery token, or a foreign Origin, is 403.
    private static async Task RefusesForgedDrops(RunningHost host, string png)
    {
        var body = JsonSerializer.Serialize(new { store = "emoji", split = "test", k = 5, image = Convert.ToBase64String(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken)) });
        foreach (var origin in new string?[] { null, "http://evil.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/results/runs/emoji-search/search/image") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }
            using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    /// <summary>
    /// The held-out captions (test split, no skin tone) of the form "man|woman|person ..." whose rest occurs in training
    /// after another of the three, with their emoji's group.
    /// </summary>
    private static Dictionary<string, string> HeldOutSiblings(string samples)
    {
        var trained = new HashSet<(string, string)>();
        var heldOut = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(samples))
        {
            using var sample = JsonDocument.Parse(line);
            var root = sample.RootElement;
            var caption = root.GetProperty("captions")[0].GetString()!;
            if (caption.Contains("skin tone", StringComparison.Ordinal) || Person(caption) is not { } split)
            {
                continue;
            }
            if (root.GetProperty("split").GetString() == "train")
            {
                trained.Add(split);
            }
            else if (root.GetProperty("split").GetString() == "test")
            {
                heldOut[caption] = root.GetProperty("group").GetString()!;
            }
        }
        return heldOut.Where(h => Who.Any(w => w != Person(h.Key)!.Value.Head && trained.Contains((w, Person(h.Key)!.Value.Tail))))
            .ToDictionary(h => h.Key, h => h.Value);
    }

    private static (string Head, string Tail)? Person(string caption) =>
        Who.FirstOrDefault(w => caption.StartsWith(w + " ", StringComparison.Ordinal) || caption.StartsWith(w + ":", StringComparison.Ordinal)) is { } who
            ? (who, caption[who.Length..])
            : null;

    // The quickstart's model and recipe on the twitter style's training split, six epochs: about 19,000 pairs seen.
    private const string Experiment = """
        {
          "name": "emoji-search",
          "data": { "store": "emoji", "train": { "split": "train" }, "captions": "random" },
          "model": {
            "embedDim": 128,
            "vision": { "architecture": "vit", "imageSize": 32, "options": { "preset": "mini" } },
            "text": { "contextLength": 24, "vocabSize": 4096, "width": 128, "layers": 3, "heads": 4, "mlpWidth": 512 }
          },
          "strategy": { "id": "clip" },
          "training": { "batchSize": 128, "learningRate": 0.001, "weightDecay": 0.1, "warmupFraction": 0.05, "budget": { "epochs": 6 }, "seed": 0, "checkpointEvery": 200 },
          "evaluations": []
        }
        """;
}
