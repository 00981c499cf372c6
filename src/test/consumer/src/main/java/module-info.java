/** A user's application on the module path: it reads jfallocate as a named module. */
module org.jfallocate.consumer {
    requires org.jfallocate;
}
