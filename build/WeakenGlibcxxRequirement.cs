// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchNativeFix.targets).
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ClipHostWeakenGlibcxxRequirement : Task
{
    private const string Library = "libLibTorchSharp.so";
    private const string NeededVersion = "GLIBCXX_3.4.32";
    private const string NeededFile = "libstdc++.so.6";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required]
    public string[] Directories { get; set; } = Array.Empty<string>();

    [Output]
    public int Patched { get; set; }

    public override bool Execute()
    {
        var libstdcxx = FindSystemLibstdcxx();
        if (libstdcxx == null)
        {
            Log.LogMessage(MessageImportance.Normal, "ClipHost: no system libstdc++.so.6 found; TorchSharp native library left as shipped.");
            return true;
        }
        if (Contains(File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(NeededVersion + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"ClipHost: {libstdcxx} provides {NeededVersion}; no patch needed.");
            return true;
        }
        foreach (var dir in Directories)
        {
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, Library, SearchOption.AllDirectories))
            {
                try
                {
                    if (Weaken(file))
                    {
                        Patched++;
                        Log.LogMessage(MessageImportance.High, $"ClipHost: marked {NeededVersion} weak in {file} (system libstdc++ lacks it).");
                    }
                }
                catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
                {
                    Log.LogError($"ClipHost: could not patch {file}: {e.Message}");
                }
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string? FindSystemLibstdcxx()
    {
        try
        {
            var psi = new ProcessStartInfo("/sbin/ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi);
            if (p != null)
            {
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                foreach (var line in output.Split('\n'))
                {
                    var t = line.Trim();
                    if (t.StartsWith(NeededFile + " ", StringComparison.Ordinal) && t.Contains("x86-64") || t.StartsWith(NeededFile + " ", StringComparison.Ordinal) && t.Contains("AArch64"))
                    {
                        var path = t.Substring(t.IndexOf("=> ", StringComparison.Ordinal) + 3).Trim();
                        if (File.Exists(path)) return path;
                    }
                }
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is IOException) { }
        foreach (var candidate in new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6" })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        // The task factory compiles against netstandard, which has no span search.
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    /// <summary>Sets VER_FLG_WEAK on the Elf64_Vernaux for GLIBCXX_3.4.32 under libstdc++.so.6. Returns true when the file changed.</summary>
    private static bool Weaken(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("not a little-endian ELF64 file");

        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        var changed = false;
        for (var i = 0; i < shnum; i++)
        {
            var sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            var offset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            var link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            var count = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            var strtab = checked((int)BitConverter.ToUInt64(elf, checked((int)(shoff + (long)link * shentsize)) + 0x18));

            var need = offset;
            for (var n = 0; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, need + 2);
                var file = ReadString(elf, strtab + (int)BitConverter.ToUInt32(elf, need + 4));
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8));
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if (file == NeededFile && name == NeededVersion && (flags & VerFlgWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, aux + 4);
                        changed = true;
                    }
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }
        if (changed)
        {
            // Write beside and rename, so a crash mid-write never leaves a torn library.
            var tmp = path + ".cliphost-tmp";
            File.WriteAllBytes(tmp, elf);
            File.Copy(tmp, path, overwrite: true);
            File.Delete(tmp);
        }
        return changed;
    }

    private static string ReadString(byte[] data, int start)
    {
        var end = start;
        while (end < data.Length && data[end] != 0) end++;
        return Encoding.ASCII.GetString(data, start, end - start);
    }
}
