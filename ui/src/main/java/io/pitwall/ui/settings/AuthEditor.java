package io.pitwall.ui.settings;

import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.HttpSettings;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.http.TlsFiles;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * An endpoint's authentication (none, basic, bearer token) and TLS files (a CA to trust, a client
 * certificate and key). A secret comes from a file, an environment variable or is typed here; a
 * typed one is written to endpoints.json only when "save" is ticked, otherwise it is kept for
 * this run and asked for again after a restart.
 */
final class AuthEditor {

    enum Kind {
        NONE("None"), BASIC("Basic: user and password"), BEARER("Bearer token");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    enum Source {
        FILE("Read from a file"), ENV("Read from an environment variable"), TYPED("Typed here");

        final String text;

        Source(String text) {
            this.text = text;
        }
    }

    private final EndpointServices services;
    private final Runnable changed;
    final ChoiceBox<Kind> kind = new ChoiceBox<>();
    final TextField username = new TextField();
    final ChoiceBox<Source> source = new ChoiceBox<>();
    final TextField secretFile = new TextField();
    final TextField secretEnv = new TextField();
    final PasswordField secretValue = new PasswordField();
    final CheckBox save = new CheckBox("Save this secret in endpoints.json (in plain text, readable by you only)");
    final TextField ca = new TextField();
    final TextField cert = new TextField();
    final TextField key = new TextField();
    private final Form.Row usernameRow;
    private final Form.Row sourceRow;
    private final Form.Row fileRow;
    private final Form.Row envRow;
    private final Form.Row valueRow;
    private final Form.Row saveRow;
    private final Form.Row caRow;
    private final Form.Row certRow;
    private final Form.Row keyRow;
    /** What the last file check said about a field's text: the text it checked and the problem, if any. */
    private final Map<TextField, Map.Entry<String, Optional<String>>> fileChecks = new HashMap<>();
    private boolean wasAsked;

    AuthEditor(Form form, String prefix, EndpointServices services, Runnable changed) {
        this.services = services;
        this.changed = changed;
        kind.setId(prefix + "-auth");
        username.setId(prefix + "-username");
        source.setId(prefix + "-secret-source");
        secretFile.setId(prefix + "-secret-file");
        secretEnv.setId(prefix + "-secret-env");
        secretValue.setId(prefix + "-secret-value");
        save.setId(prefix + "-secret-save");
        ca.setId(prefix + "-ca");
        cert.setId(prefix + "-cert");
        key.setId(prefix + "-key");
        kind.getItems().addAll(Kind.values());
        kind.setConverter(converter(Kind.values(), k -> k.text));
        source.getItems().addAll(Source.values());
        source.setConverter(converter(Source.values(), s -> s.text));
        secretFile.setPromptText("/home/me/.config/prometheus-token");
        secretEnv.setPromptText("PROMETHEUS_TOKEN");
        ca.setPromptText("the system's certificate authorities");
        cert.setPromptText("none (PEM, for mutual TLS)");
        key.setPromptText("none (PEM, unencrypted)");

        form.section("Authentication");
        form.row("Method", kind);
        usernameRow = form.row("User", username);
        sourceRow = form.row("Secret", source);
        fileRow = form.fileRow("File", secretFile, prefix + "-secret-file", services.chooseFile()::choose);
        envRow = form.row("Variable", secretEnv);
        valueRow = form.row("Value", secretValue);
        saveRow = form.unlabelled(save);
        form.section("TLS");
        caRow = form.fileRow("CA certificate", ca, prefix + "-ca", services.chooseFile()::choose);
        certRow = form.fileRow("Client certificate", cert, prefix + "-cert", services.chooseFile()::choose);
        keyRow = form.fileRow("Client key", key, prefix + "-key", services.chooseFile()::choose);

        kind.setValue(Kind.NONE);
        source.setValue(Source.ENV);
        kind.valueProperty().addListener((o, a, b) -> changed.run());
        source.valueProperty().addListener((o, a, b) -> changed.run());
        save.selectedProperty().addListener((o, a, b) -> changed.run());
        for (TextField f : List.of(username, secretEnv, secretValue)) {
            f.textProperty().addListener((o, a, b) -> changed.run());
        }
        for (TextField f : List.of(secretFile, ca, cert, key)) {
            f.textProperty().addListener((o, a, b) -> {
                checkFile(f);
                changed.run();
            });
        }
    }

    void load(HttpSettings http) {
        switch (http.auth()) {
            case HttpAuth.None n -> kind.setValue(Kind.NONE);
            case HttpAuth.Basic b -> {
                kind.setValue(Kind.BASIC);
                username.setText(b.username());
                loadSecret(b.password());
            }
            case HttpAuth.Bearer b -> {
                kind.setValue(Kind.BEARER);
                loadSecret(b.token());
            }
        }
        ca.setText(http.tls().caFile().map(Path::toString).orElse(""));
        cert.setText(http.tls().clientCertFile().map(Path::toString).orElse(""));
        key.setText(http.tls().clientKeyFile().map(Path::toString).orElse(""));
    }

    private void loadSecret(SecretRef ref) {
        switch (ref) {
            case SecretRef.File f -> {
                source.setValue(Source.FILE);
                secretFile.setText(f.path().toString());
            }
            case SecretRef.Env v -> {
                source.setValue(Source.ENV);
                secretEnv.setText(v.variable());
            }
            case SecretRef.Value v -> {
                source.setValue(Source.TYPED);
                secretValue.setText(v.value());
                save.setSelected(v.save());
            }
            case SecretRef.Ask a -> {
                source.setValue(Source.TYPED);
                wasAsked = true;
            }
        }
    }

    /** Shows the rows of the chosen method and says what is wrong or worth knowing; true when it can be built. */
    boolean validate() {
        Kind k = kind.getValue();
        Source s = source.getValue();
        boolean secret = k != Kind.NONE;
        usernameRow.show(k == Kind.BASIC);
        sourceRow.show(secret);
        fileRow.show(secret && s == Source.FILE);
        envRow.show(secret && s == Source.ENV);
        valueRow.show(secret && s == Source.TYPED);
        saveRow.show(secret && s == Source.TYPED);
        String what = k == Kind.BASIC ? "password" : "token";
        usernameRow.say(Form.Severity.ERROR, Checks.required("user name", username.getText()));
        fileRow.say(Form.Severity.ERROR, Checks.required("path of the file that holds the " + what, secretFile.getText()));
        if (fileRow.error().isEmpty()) {
            fileRow.say(Form.Severity.WARNING, fileProblem(secretFile));
        }
        envRow.say(Form.Severity.ERROR, Checks.envName(secretEnv.getText()));
        if (envRow.error().isEmpty() && !services.envIsSet().test(secretEnv.getText().strip())) {
            envRow.say(Form.Severity.WARNING, Optional.of(secretEnv.getText().strip()
                    + " is not set in Pitwall's environment: start Pitwall with it set."));
        }
        valueRow.say(Form.Severity.WARNING, secretValue.getText().isEmpty() ? Optional.of(wasAsked
                ? "Not saved last time: type the " + what + " again, or Pitwall cannot authenticate."
                : "Type the " + what + ", or Pitwall cannot authenticate.") : Optional.empty());
        saveRow.say(save.isSelected() ? Form.Severity.WARNING : Form.Severity.INFO, Optional.of(save.isSelected()
                ? "endpoints.json will hold the " + what + " itself; a file or a variable keeps it out of it."
                : "Kept until Pitwall quits; endpoints.json only notes that it is asked for."));
        caRow.say(Form.Severity.WARNING, fileProblem(ca));
        boolean pair = cert.getText().isBlank() == key.getText().isBlank();
        certRow.say(Form.Severity.ERROR, pair || !cert.getText().isBlank() ? Optional.empty()
                : Optional.of("A client key needs its certificate."));
        keyRow.say(Form.Severity.ERROR, pair || !key.getText().isBlank() ? Optional.empty()
                : Optional.of("A client certificate needs its key."));
        if (certRow.error().isEmpty()) {
            certRow.say(Form.Severity.WARNING, fileProblem(cert));
        }
        if (keyRow.error().isEmpty()) {
            keyRow.say(Form.Severity.WARNING, fileProblem(key));
        }
        for (TextField f : List.of(secretFile, ca, cert, key)) {
            if (!f.getText().isBlank() && path(f).isEmpty()) {
                rowOf(f).say(Form.Severity.ERROR, Optional.of("Not a path on this system."));
            }
        }
        return firstError().isEmpty();
    }

    Optional<String> firstError() {
        return List.of(usernameRow, fileRow, envRow, certRow, keyRow, caRow).stream()
                .map(Form.Row::error).flatMap(Optional::stream).findFirst();
    }

    /** {@code base} with this authentication and these TLS files, when they are valid. */
    Optional<HttpSettings> settings(HttpSettings base) {
        if (!validate()) {
            return Optional.empty();
        }
        HttpAuth auth = switch (kind.getValue()) {
            case NONE -> new HttpAuth.None();
            case BASIC -> new HttpAuth.Basic(username.getText().strip(), secret());
            case BEARER -> new HttpAuth.Bearer(secret());
        };
        TlsFiles tls = new TlsFiles(path(ca), path(cert), path(key));
        return Optional.of(base.withAuth(auth).withTls(tls));
    }

    private SecretRef secret() {
        return switch (source.getValue()) {
            case FILE -> new SecretRef.File(path(secretFile).orElseThrow());
            case ENV -> new SecretRef.Env(secretEnv.getText().strip());
            case TYPED -> secretValue.getText().isEmpty() ? new SecretRef.Ask()
                    : new SecretRef.Value(secretValue.getText(), save.isSelected());
        };
    }

    private static Optional<Path> path(TextField f) {
        String t = f.getText().strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(t.startsWith("~/") ? Checks.home() + t.substring(1) : t));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Form.Row rowOf(TextField f) {
        return f == secretFile ? fileRow : f == ca ? caRow : f == cert ? certRow : keyRow;
    }

    /** Asks (off the FX thread) whether the file can be read; the answer shows when it comes, if the text is still the same. */
    private void checkFile(TextField f) {
        Optional<Path> p = path(f);
        if (p.isEmpty()) {
            fileChecks.remove(f);
            return;
        }
        String text = f.getText();
        services.checkFile().apply(p.get()).whenComplete((problem, error) -> Platform.runLater(() -> {
            if (text.equals(f.getText())) {
                fileChecks.put(f, Map.entry(text, error != null ? Optional.of("Could not check the file: "
                        + error.getMessage()) : problem));
                changed.run();
            }
        }));
    }

    private Optional<String> fileProblem(TextField f) {
        Map.Entry<String, Optional<String>> c = fileChecks.get(f);
        return c != null && c.getKey().equals(f.getText()) ? c.getValue() : Optional.empty();
    }

    private static <T> StringConverter<T> converter(T[] values, java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return java.util.Arrays.stream(values).filter(v -> text.apply(v).equals(s)).findFirst().orElse(null);
            }
        };
    }
}
