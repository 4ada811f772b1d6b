using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// The cross-site attack as it was found, in a real headless Chromium: a page on another site (http://evil.example,
/// served by the browser's request routing) posts a run as text/plain and presses the dashboard's "Trigger now" by a
/// form. On loopback, and beyond loopback with the dashboard's credentials already given to the browser, nothing may
/// be queued.
/// </summary>
public sealed class CrossSiteBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APageOnAnotherSite_CannotQueueARunOrTriggerAJob(bool beyondLoopback)
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        env["CLIPHOST_Experiments__tiny__File"] = dir.Write("tiny.json", ColoursData.Tiny("tiny"));
        HttpClient? probe = null;
        string? urls = null;
        if (beyondLoopback)
        {
            ServeHardeningTests.Credentials(env);
            probe = new HttpClient();
            probe.DefaultRequestHeaders.Add("X-Api-Key", env["CLIPHOST_Serve__ApiKey"]);
            urls = $"http://0.0.0.0:{RunningHost.FreePort()}";
        }
        await using var host = await RunningHost.StartAsync(env, urls, probe);
        if (beyondLoopback)
        {
            host.Client.DefaultRequestHeaders.Add("X-Api-Key", env["CLIPHOST_Serve__ApiKey"]);
        }
        var service = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        // The attacker's site: its own server on this machine, reached by the name evil.example (another site to the
        // browser, and a local address, so Chromium's private-network rules do not stop the attack before it reaches us).
        var evilPort = RunningHost.FreePort();
        using var evil = new HttpListener();
        evil.Prefixes.Add($"http://*:{evilPort}/");
        evil.Start();
        var page0 = Encoding.UTF8.GetBytes(EvilPage(service, ColoursData.Tiny("csrf")));
        var ct = TestContext.Current.CancellationToken;
        _ = Task.Run(async () =>
        {
            while (evil.IsListening)
            {
                try
                {
                    var request = await evil.GetContextAsync();
                    request.Response.ContentType = "text/html";
                    await request.Response.OutputStream.WriteAsync(page0, ct);
                    request.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        }, ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--host-resolver-rules=MAP evil.example 127.0.0.1"],
        });
        await using var context = await browser.NewContextAsync(beyondLoopback
            ? new() { HttpCredentials = new() { Username = env["CLIPHOST_Serve__DashboardUser"], Password = env["CLIPHOST_Serve__DashboardPassword"], Origin = service, Send = HttpCredentialsSend.Always } }
            : new());
        var page = await context.NewPageAsync();
        var statuses = new List<(string Url, int Status)>();
        page.Response += (_, r) =>
        {
            lock (statuses)
            {
                statuses.Add((r.Url, r.Status));
            }
        };
        // The operator has the dashboard open (and, beyond loopback, logged in): then visits the other site.
        await page.GotoAsync($"{service}/hangfire/recurring");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "experiment:tiny" })).ToBeVisibleAsync();
        lock (statuses)
        {
            statuses.Clear();
        }
        await page.GotoAsync($"http://evil.example:{evilPort}/");
        await page.WaitForFunctionAsync("() => window.attackDone === true", null, new() { Timeout = 30_000 });

        // A triggered recurring job queues its run a moment later: watch for one for a while before calling it safe.
        var runs = new List<JsonElement>();
        for (var i = 0; i < 40 && runs.Count == 0; i++)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            runs = [.. (await host.GetJsonAsync("/api/runs")).EnumerateArray()];
        }
        List<(string Url, int Status)> seen;
        lock (statuses)
        {
            seen = [.. statuses.Where(s => s.Url.StartsWith(service, StringComparison.Ordinal))];
        }
        Assert.True(runs.Count == 0, $"another site's page queued {runs.Count} run(s): {JsonSerializer.Serialize(runs)}\n{string.Join('\n', seen)}\n{host.Output}");
        Assert.Contains(seen, s => s.Url.EndsWith("/api/runs", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Url.EndsWith("/hangfire/recurring/trigger", StringComparison.Ordinal));
        Assert.All(seen, s => Assert.True(s.Status is 401 or 403, $"{s.Url} answered {s.Status} to another site's page"));
    }

    /// <summary>What an attacker's page does: a no-cors text/plain POST, then a form posted into a hidden frame.</summary>
    private static string EvilPage(string service, string experiment) => $$"""
        <!doctype html>
        <html><body>
        <iframe name="sink" style="display:none"></iframe>
        <form id="trigger" method="post" action="{{service}}/hangfire/recurring/trigger" target="sink">
          <input type="hidden" name="jobs[]" value="experiment:tiny">
        </form>
        <script>
          (async () => {
            try {
              await fetch('{{service}}/api/runs', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: {{JsonSerializer.Serialize(experiment)}} });
            } catch (e) { }
            const frame = document.querySelector('iframe');
            frame.addEventListener('load', () => { window.attackDone = true; });
            document.getElementById('trigger').submit();
            setTimeout(() => { window.attackDone = true; }, 10000);
          })();
        </script>
        </body></html>
        """;
}
