using System.Security.Cryptography;

namespace Fazhi.Web.Kernel.Security;

/// <summary>Where the platform's secret keys live: outside the database (密评: keys are not stored with the data they
/// protect), one file per key in <c>Fazhi:Security:KeyDirectory</c> (default <c>&lt;data&gt;/secrets</c>).</summary>
public sealed class KeyStoreOptions
{
    public string Directory { get; set; } = "";

    /// <summary>Create a missing key with random bytes. Default: on, except in Production, where a missing key is an
    /// error at start (keys are created there by <c>fazhi keys init</c>, once, and backed up).</summary>
    public bool CreateMissing { get; set; } = true;
}

public sealed class KeyMissingException(string message) : Exception(message);

/// <summary>The platform cannot start as configured (a key missing, a seeded password the policy refuses): the start
/// prints the message and exits with status 1.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Named secret keys in files (0600, in a 0700 folder). A key's name says its purpose and version:
/// <c>audit-hmac</c>, <c>field-sm4.v1</c>. The files hold the key in base64 on one line.</summary>
public sealed class KeyStore(KeyStoreOptions options)
{
    public string Directory => options.Directory;

    public string PathOf(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')) || name.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"密钥名“{name}”只能含字母、数字、-、_ 和 .", nameof(name));
        return Path.Combine(options.Directory, name + ".key");
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>The key's bytes; a missing key is created (<see cref="KeyStoreOptions.CreateMissing"/>) or refused with
    /// a message naming the file.</summary>
    public byte[] Get(string name, int length)
    {
        if (Find(name) is { } found)
        {
            if (found.Length != length)
                throw new KeyMissingException($"密钥文件 {PathOf(name)} 的长度为{found.Length}字节，应为{length}字节：文件已损坏或不是此密钥。");
            return found;
        }
        if (!options.CreateMissing)
            throw new KeyMissingException($"密钥文件 {PathOf(name)} 不存在。生产环境不会自动生成密钥：请恢复备份的密钥文件，或在首次安装时运行 `Fazhi.Web keys init`。");
        return Create(name, length);
    }

    public byte[]? Find(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
            return null;
        try
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new KeyMissingException($"密钥文件 {path} 不是 base64 文本：文件已损坏。");
        }
    }

    /// <summary>Writes a new random key; refuses to overwrite an existing one (rotation makes a new version).</summary>
    public byte[] Create(string name, int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        Write(name, bytes);
        return bytes;
    }

    public void Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        PrivateFiles.EnsureDirectory(options.Directory);
        var temp = path + ".tmp";
        PrivateFiles.WriteAllText(temp, Convert.ToBase64String(bytes) + "\n");
        File.Move(temp, path, overwrite: false);
    }
}

/// <summary>Files only the service account may read: folders 0700, files 0600 (Unix; Windows keeps its ACLs).</summary>
public static class PrivateFiles
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }
        System.IO.Directory.CreateDirectory(path, Folder);
        File.SetUnixFileMode(path, Folder);
    }

    public static void WriteAllText(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
            return;
        }
        using var stream = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
            File.SetUnixFileMode(file, FileMode);
    }
}
