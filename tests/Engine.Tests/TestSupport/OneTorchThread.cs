using TorchSharp;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>
/// Runs this assembly's LibTorch work on one thread. The suite runs beside the Host tests and their hosts on a few
/// cores, and a team of threads whose members are descheduled waits at every parallel region (a 2-thread training
/// beside one other busy process ran 20-30x slower on a 2-core AMD EPYC, observed 2026-12-01); one thread per process
/// only shares the cores.
/// </summary>
public sealed class OneTorchThread
{
    public OneTorchThread() => torch.set_num_threads(1);
}
