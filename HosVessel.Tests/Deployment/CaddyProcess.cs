using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace HosVessel.Tests.Deployment;

/// <summary>
/// Debian's Caddy on loopback with its own config, storage and XDG folders (nothing touches the
/// system's Caddy or trust store), ready once its admin endpoint answers.
/// </summary>
public sealed class CaddyProcess : IDisposable
{
    public const string Hostname = "hosvessel.localhost";

    private readonly Infrastructure.TempDataDirectory home = new();
    private ChildProcess? process;

    public int AdminPort { get; } = ChildProcess.FreePort();

    public int HttpsPort { get; } = ChildProcess.FreePort();

    public int HttpPort { get; } = ChildProcess.FreePort();

    public string AdminUrl => $"http://127.0.0.1:{AdminPort}";

    public string StorageDirectory => Path.Combine(home.Path, "storage");

    public string Output => process?.Output ?? "";

    /// <summary>The global options every test Caddy needs; the site blocks follow.</summary>
    public string GlobalOptions => $$"""
        {
        	admin 127.0.0.1:{{AdminPort}}
        	storage file_system {{StorageDirectory}}
        	skip_install_trust
        	auto_https disable_redirects
        	http_port {{HttpPort}}
        	https_port {{HttpsPort}}
        	default_bind 127.0.0.1
        }

        """;

    public async Task StartAsync(string config, string adapter, IReadOnlyDictionary<string, string>? environment = null)
    {
        var extension = adapter == "caddyfile" ? "Caddyfile" : "caddy.json";
        var configPath = Path.Combine(home.Path, extension);
        await File.WriteAllTextAsync(configPath, config);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["XDG_CONFIG_HOME"] = Path.Combine(home.Path, "config"),
            ["XDG_DATA_HOME"] = Path.Combine(home.Path, "data"),
            ["HOME"] = home.Path,
        };
        // Native JSON needs no adapter; Caddy rejects "--adapter json".
        string[] arguments = adapter == "json"
            ? ["run", "--config", configPath]
            : ["run", "--config", configPath, "--adapter", adapter];
        process = new ChildProcess("caddy", arguments, variables, home.Path);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () =>
        {
            try
            {
                return (await client.GetAsync($"{AdminUrl}/config/")).IsSuccessStatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "caddy admin endpoint", TimeSpan.FromSeconds(20));
    }

    /// <summary>Waits until Caddy serves <see cref="Hostname"/> over TLS (the certificate is issued asynchronously).</summary>
    public async Task WaitForHttpsAsync()
    {
        using var client = CreateHttpsClient();
        await process!.WaitUntilAsync(async () =>
        {
            try
            {
                await client.GetAsync("/health");
                return true;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
            {
                return false;
            }
        }, "caddy https", TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// A client for https://hosvessel.localhost:port: .NET cannot resolve *.localhost here, so it connects
    /// to 127.0.0.1 and sends the name as Host and SNI; it trusts only Caddy's internal root CA.
    /// </summary>
    /// <param name="sourceAddress">A loopback address to connect from, so Caddy sees a client other than itself.</param>
    public HttpClient CreateHttpsClient(CookieContainer? cookies = null, IPAddress? sourceAddress = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (sourceAddress is not null)
                {
                    socket.Bind(new IPEndPoint(sourceAddress, 0));
                }
                await socket.ConnectAsync(IPAddress.Loopback, HttpsPort, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = Hostname,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => IsIssuedByCaddy(certificate),
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri($"https://{Hostname}:{HttpsPort}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    private bool IsIssuedByCaddy(X509Certificate? certificate)
    {
        var rootPath = Path.Combine(StorageDirectory, "pki", "authorities", "local", "root.crt");
        if (certificate is null || !File.Exists(rootPath))
        {
            return false;
        }
        using var root = X509CertificateLoader.LoadCertificateFromFile(rootPath);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Caddy serves the intermediate with the leaf; the chain builder finds it in the handshake's extra store.
        var intermediatePath = Path.Combine(StorageDirectory, "pki", "authorities", "local", "intermediate.crt");
        if (File.Exists(intermediatePath))
        {
            chain.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificateFromFile(intermediatePath));
        }
        return chain.Build(new X509Certificate2(certificate));
    }

    public void Dispose()
    {
        process?.Dispose();
        home.Dispose();
    }
}
