using ClipHost.Host.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Security;

/// <summary>
/// Runs once Kestrel has bound (IHostedLifecycleService.StartedAsync comes after every StartAsync, the web server's
/// included, and before ApplicationStarted): records the
/// real addresses and refuses to go on when one of them is beyond loopback and the credentials are missing. The
/// start-time check of Serve:Urls catches the common case early; this one catches Kestrel's own endpoint settings,
/// ASPNETCORE_URLS and anything else that moves the listener.
/// </summary>
public sealed class BoundAddressesCheck(IServer server, ServeExposure exposure, IOptions<ServeOptions> options) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        exposure.Bound(addresses);
        if (exposure.BeyondLoopback)
        {
            var failures = ServeOptionsValidator.CredentialFailures(options.Value, string.Join(";", addresses));
            if (failures.Count > 0)
            {
                throw new OptionsValidationException(ServeOptions.SectionName, typeof(ServeOptions), failures);
            }
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
