package dev.vizgate.sdk;

/** Run by {@link SdkAloneTest} on the sdk's classpath: says, for each class named in args, whether it can be loaded. */
public final class ClasspathProbe {
    private ClasspathProbe() {
    }

    public static void main(String[] args) {
        for (var name : args) {
            try {
                Class.forName(name, false, ClasspathProbe.class.getClassLoader());
                System.out.println("present " + name);
            } catch (ClassNotFoundException e) {
                System.out.println("absent " + name);
            }
        }
    }
}
