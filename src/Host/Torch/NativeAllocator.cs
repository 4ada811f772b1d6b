using System.Runtime.InteropServices;

namespace ClipHost.Host.Torch;

/// <summary>
/// LibTorch on the CPU allocates activation buffers of tens of MB every step. glibc serves those with mmap and
/// gives them back with munmap, so every step pays page faults to map and zero them again (measured here: a third
/// of bench-vit-ti's wall time in the kernel). Keeping freed memory in the heap (no mmap, no trimming) lets the
/// next step reuse it: the same effect PyTorch users get from jemalloc or these MALLOC_ variables. Peak memory
/// stays resident instead of being returned between steps.
/// </summary>
public static partial class NativeAllocator
{
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    /// <summary>Applies the setting on Linux with glibc; elsewhere it does nothing. Returns whether it was applied.</summary>
    public static bool RetainFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return Mallopt(MMmapMax, 0) == 1 && Mallopt(MTrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl): leave the allocator as it is
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int param, int value);
}
